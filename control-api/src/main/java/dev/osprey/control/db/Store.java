package dev.osprey.control.db;

/** All repositories over one database, handed to the services as a unit. */
public record Store(Database database, Sql sql, UserRepository users, RoomRepository rooms,
                    ParticipantRepository participants, BlockedTokenRepository blockedTokens,
                    InviteTokenRepository invites, PreferencesRepository preferences, SettingsRepository settings,
                    WebhookRepository webhooks, JobRepository jobs, RoomPermissionRepository permissions,
                    RoomEventRepository roomEvents, ChatUploadRepository chatUploads) {

    public static Store over(Database database) {
        Sql sql = new Sql(database.dataSource());
        return new Store(database, sql, new UserRepository(sql), new RoomRepository(sql),
                new ParticipantRepository(sql), new BlockedTokenRepository(sql), new InviteTokenRepository(sql),
                new PreferencesRepository(sql), new SettingsRepository(sql), new WebhookRepository(sql),
                new JobRepository(sql), new RoomPermissionRepository(sql), new RoomEventRepository(sql),
                new ChatUploadRepository(sql));
    }
}
