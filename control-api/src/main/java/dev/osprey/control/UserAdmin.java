package dev.osprey.control;

import dev.osprey.control.auth.Inputs;
import dev.osprey.control.auth.PasswordHasher;
import dev.osprey.control.db.Database;
import dev.osprey.control.db.Store;
import dev.osprey.control.db.User;
import dev.osprey.control.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Account administration for the command line ({@code osprey user create --admin}, {@code osprey user promote}), the
 * way Bedrud bootstraps its first superadmin: no user is ever promoted automatically. Each call opens the database,
 * applies pending migrations and closes it again. Invalid input is an {@link IllegalArgumentException} with Bedrud's
 * message.
 */
public final class UserAdmin {

    private UserAdmin() {
    }

    /**
     * Creates a verified local account; {@code superadmin} grants {@code superadmin} and {@code user}.
     *
     * @return the new user's id
     */
    public static String createUser(ControlApiConfig config, String email, String password, String name,
                                    boolean superadmin) {
        String canonical;
        String cleanName;
        try {
            canonical = Inputs.canonicalEmail(email);
            cleanName = Inputs.accountName(name);
            Inputs.checkPassword(password);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try (Database db = Database.open(config.database())) {
            Store store = Store.over(db);
            if (!store.users().findByEmail(canonical).isEmpty()) {
                throw new IllegalArgumentException("a user with email " + canonical + " already exists");
            }
            long now = System.currentTimeMillis();
            List<String> accesses = superadmin ? List.of(User.SUPERADMIN, "user") : List.of("user");
            String id = UUID.randomUUID().toString();
            store.users().insert(new User(id, canonical, cleanName, User.PROVIDER_LOCAL, "",
                    new PasswordHasher().hash(password), null, accesses, true, now, null, null, now, now));
            return id;
        }
    }

    /** Grants {@code superadmin} (and {@code user}) to every account with this e-mail; false when there is none. */
    public static boolean promote(ControlApiConfig config, String email) {
        String canonical = Inputs.canonicalOrNull(email);
        if (canonical == null) {
            throw new IllegalArgumentException("Invalid email format");
        }
        try (Database db = Database.open(config.database())) {
            Store store = Store.over(db);
            List<User> users = store.users().findByEmail(canonical);
            for (User u : users) {
                List<String> accesses = new ArrayList<>(u.accesses());
                for (String level : List.of(User.SUPERADMIN, "user")) {
                    if (!accesses.contains(level)) {
                        accesses.add(level);
                    }
                }
                store.users().setAccesses(u.id(), accesses, System.currentTimeMillis());
            }
            return !users.isEmpty();
        }
    }
}
