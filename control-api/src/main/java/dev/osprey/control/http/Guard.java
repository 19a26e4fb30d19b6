package dev.osprey.control.http;

/**
 * The checks a route runs before its endpoint, Bedrud's middleware chain (bedrud-api.md §2.0) in its order:
 * Protected, RequireBearerForMutations, RequireEmailVerified, RejectGuest, RequireAccess(superadmin).
 *
 * @param auth          whether a token is required, optional or ignored
 * @param bearer        mutations need an {@code Authorization: Bearer} header (cookies alone are refused)
 * @param emailVerified the caller's address must be verified when the instance requires it
 * @param rejectGuest   guests get 403
 * @param superadmin    only superadmins pass
 */
public record Guard(Auth auth, boolean bearer, boolean emailVerified, boolean rejectGuest, boolean superadmin) {

    public enum Auth { NONE, OPTIONAL, REQUIRED }

    /** No authentication. */
    public static final Guard NONE = new Guard(Auth.NONE, false, false, false, false);
    /** OptionalAuth. */
    public static final Guard OPTIONAL = new Guard(Auth.OPTIONAL, false, false, false, false);
    /** Protected only. */
    public static final Guard PROTECTED = new Guard(Auth.REQUIRED, false, false, false, false);
    /** Protected + bearer for mutations (logout). */
    public static final Guard PROTECTED_BEARER = new Guard(Auth.REQUIRED, true, false, false, false);
    /** "A": Protected + RequireEmailVerified. */
    public static final Guard A = new Guard(Auth.REQUIRED, false, true, false, false);
    /** "AM": A + RequireBearerForMutations. */
    public static final Guard AM = new Guard(Auth.REQUIRED, true, true, false, false);
    /** "AM" + RejectGuest. */
    public static final Guard AMG = new Guard(Auth.REQUIRED, true, true, true, false);
    /** "A" + RejectGuest. */
    public static final Guard AG = new Guard(Auth.REQUIRED, false, true, true, false);
    /** The admin group. */
    public static final Guard SA = new Guard(Auth.REQUIRED, true, true, false, true);
}
