package dev.osprey.control;

import dev.osprey.control.auth.AuthState;
import dev.osprey.control.auth.EmailSender;
import dev.osprey.control.auth.PasswordHasher;
import dev.osprey.control.auth.Sessions;
import dev.osprey.control.db.Store;
import dev.osprey.control.http.Limiters;
import dev.osprey.control.jobs.JobQueue;
import dev.osprey.control.settings.EffectiveSettings;
import dev.osprey.signaling.api.RoomService;

import java.time.Clock;

/**
 * Everything the endpoint classes share, built once by {@link ControlApiServer}: the store, sessions and revocation
 * state, password hashing, mail, effective settings, limiters, the room service, the job queue and the clock.
 */
public record ControlContext(ControlApiConfig config, Store store, Sessions sessions, AuthState authState,
                             PasswordHasher passwords, EmailSender email, EffectiveSettings settings,
                             Limiters limiters, RoomService rooms, OutboundEvents events, JobQueue jobs,
                             Clock clock) {

    public long now() {
        return clock.millis();
    }
}
