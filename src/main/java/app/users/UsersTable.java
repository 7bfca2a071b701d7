package app.users;

/** The users module's one table ({@code deploy/dynamodb/tables/users.json}); item kinds are told apart by key prefix. */
final class UsersTable {

    static final String NAME = "users";

    private UsersTable() {
    }
}
