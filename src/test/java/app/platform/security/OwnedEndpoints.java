package app.platform.security;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.platform.operations.HttpClientSupport;
import app.platform.operations.HttpClientSupport.JsonResponse;
import app.platform.operations.OAuthTestServer;
import app.platform.operations.TestUsers;
import app.platform.operations.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that touches what a user owns. A module that adds such an endpoint adds its rows here, so
 * {@link ObjectLevelAuthorizationTests} proves no other user reaches it.
 */
final class OwnedEndpoints {

    private static final String TRACKERS = "/api/v1/research/trackers";

    private OwnedEndpoints() {
    }

    static List<OwnedEndpoint> all() {
        return List.of(
                new OwnedEndpoint("users: read an account by id", "GET",
                        (owner, id) -> "/api/v1/users/" + id, null, OwnedEndpoints::account, 404, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: read my account", "GET",
                        (owner, id) -> "/api/v1/users/me", null, OwnedEndpoints::account, 200, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: change my profile", "PATCH",
                        (owner, id) -> "/api/v1/users/me", "{\"displayName\":\"Intruder\",\"tone\":\"loud\"}",
                        OwnedEndpoints::account, 200, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: change my plan", "PUT",
                        (owner, id) -> "/api/v1/users/me/subscription", "{\"plan\":\"business\"}",
                        OwnedEndpoints::account, 200, OwnedEndpoints::myAccount),
                new OwnedEndpoint("users: my onboarding", "GET",
                        (owner, id) -> "/api/v1/users/me/onboarding", null, OwnedEndpoints::onboardedAccount, 200,
                        (owner, id) -> "/api/v1/users/me/onboarding"),
                new OwnedEndpoint("users: retry my onboarding", "POST",
                        (owner, id) -> "/api/v1/users/me/onboarding/retry", null, OwnedEndpoints::onboardedAccount,
                        200, (owner, id) -> "/api/v1/users/me/onboarding"),
                new OwnedEndpoint("studio: read a generation", "GET",
                        (owner, id) -> "/api/v1/studio/generations/" + id, null, OwnedEndpoints::blogGeneration, 404,
                        (owner, id) -> "/api/v1/studio/generations/" + id),
                new OwnedEndpoint("studio: list my generations", "GET",
                        (owner, id) -> "/api/v1/studio/generations", null, OwnedEndpoints::blogGeneration, 200,
                        (owner, id) -> "/api/v1/studio/generations"),
                new OwnedEndpoint("studio: read a job", "GET",
                        (owner, id) -> "/api/v1/studio/jobs/" + id, null, OwnedEndpoints::bulkListingJob, 404,
                        (owner, id) -> "/api/v1/studio/jobs/" + id),
                new OwnedEndpoint("studio: cancel a job", "POST",
                        (owner, id) -> "/api/v1/studio/jobs/" + id + "/cancel", null, OwnedEndpoints::bulkListingJob,
                        404, (owner, id) -> "/api/v1/studio/jobs/" + id),
                new OwnedEndpoint("studio: cancel a job by DELETE", "DELETE",
                        (owner, id) -> "/api/v1/studio/jobs/" + id, null, OwnedEndpoints::bulkListingJob, 404,
                        (owner, id) -> "/api/v1/studio/jobs/" + id),
                new OwnedEndpoint("library: read an export", "GET",
                        (owner, id) -> "/api/v1/library/exports/" + id, null, OwnedEndpoints::libraryExport, 404,
                        (owner, id) -> "/api/v1/library/exports/" + id),
                new OwnedEndpoint("library: download an export", "GET",
                        (owner, id) -> "/api/v1/library/exports/" + id + "/archive", null,
                        OwnedEndpoints::libraryExport, 404, (owner, id) -> "/api/v1/library/exports/" + id),
                new OwnedEndpoint("library: cancel an export", "POST",
                        (owner, id) -> "/api/v1/library/exports/" + id + "/cancel", null,
                        OwnedEndpoints::libraryExport, 404, (owner, id) -> "/api/v1/library/exports/" + id),
                new OwnedEndpoint("library: cancel an export by DELETE", "DELETE",
                        (owner, id) -> "/api/v1/library/exports/" + id, null, OwnedEndpoints::libraryExport, 404,
                        (owner, id) -> "/api/v1/library/exports/" + id),
                new OwnedEndpoint("library: read an item", "GET",
                        (owner, id) -> "/api/v1/library/items/" + id, null, OwnedEndpoints::libraryItem, 404,
                        (owner, id) -> "/api/v1/library/items"),
                new OwnedEndpoint("library: edit an item", "PUT",
                        (owner, id) -> "/api/v1/library/items/" + id, "{\"title\":\"x\",\"body\":\"y\",\"version\":1}",
                        OwnedEndpoints::libraryItem, 404, (owner, id) -> "/api/v1/library/items/" + id + "/versions"),
                new OwnedEndpoint("library: versions of an item", "GET",
                        (owner, id) -> "/api/v1/library/items/" + id + "/versions", null, OwnedEndpoints::libraryItem,
                        404, (owner, id) -> "/api/v1/library/items/" + id + "/versions"),
                new OwnedEndpoint("library: delete an item", "DELETE",
                        (owner, id) -> "/api/v1/library/items/" + id, null, OwnedEndpoints::libraryItem, 404,
                        (owner, id) -> "/api/v1/library/items/" + id + "/versions"),
                new OwnedEndpoint("library: add a collaborator to an item", "POST",
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators",
                        "{\"email\":\"demo@example.com\"}", OwnedEndpoints::libraryItem, 404,
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators"),
                new OwnedEndpoint("library: list an item's collaborators", "GET",
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators", null,
                        OwnedEndpoints::libraryItem, 404,
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators"),
                new OwnedEndpoint("library: remove a collaborator from an item", "DELETE",
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators/" + owner.id(), null,
                        OwnedEndpoints::libraryItem, 404,
                        (owner, id) -> "/api/v1/library/items/" + id + "/collaborators"),
                new OwnedEndpoint("library: list my items", "GET",
                        (owner, id) -> "/api/v1/library/items", null, OwnedEndpoints::libraryItem, 200,
                        (owner, id) -> "/api/v1/library/items"),
                // Every account has a profile from its onboarding: the intruder reads its own default one.
                new OwnedEndpoint("brand: read my profile", "GET",
                        (owner, id) -> "/api/v1/brand/profile", null, OwnedEndpoints::brandProfile, 200,
                        (owner, id) -> "/api/v1/brand/profile"),
                new OwnedEndpoint("brand: replace my profile", "PUT",
                        (owner, id) -> "/api/v1/brand/profile", "{\"voice\":\"intruder\",\"bannedTerms\":[]}",
                        OwnedEndpoints::brandProfile, 200, (owner, id) -> "/api/v1/brand/profile"),
                new OwnedEndpoint("brand: read an audit", "GET",
                        (owner, id) -> "/api/v1/brand/audits/" + id.split("/")[0], null, OwnedEndpoints::listingAudit,
                        404, (owner, id) -> "/api/v1/brand/audits/" + id.split("/")[0]),
                new OwnedEndpoint("brand: audits of my content", "GET",
                        (owner, id) -> "/api/v1/brand/audits?contentId=" + id.split("/")[1], null,
                        OwnedEndpoints::listingAudit, 200,
                        (owner, id) -> "/api/v1/brand/audits?contentId=" + id.split("/")[1]),
                new OwnedEndpoint("analytics: my summary", "GET",
                        (owner, id) -> "/api/v1/analytics/summary", null, OwnedEndpoints::account, 200,
                        (owner, id) -> "/api/v1/analytics/summary"),
                new OwnedEndpoint("integrations: read my webhook", "GET",
                        (owner, id) -> "/api/v1/integrations/webhook", null, OwnedEndpoints::webhook, 404,
                        (owner, id) -> "/api/v1/integrations/webhook"),
                new OwnedEndpoint("integrations: replace my webhook", "PUT",
                        (owner, id) -> "/api/v1/integrations/webhook", "{\"url\":\"https://localhost:2/intruder\"}",
                        OwnedEndpoints::webhook, 201, (owner, id) -> "/api/v1/integrations/webhook"),
                new OwnedEndpoint("integrations: remove my webhook", "DELETE",
                        (owner, id) -> "/api/v1/integrations/webhook", null, OwnedEndpoints::webhook, 404,
                        (owner, id) -> "/api/v1/integrations/webhook"),
                new OwnedEndpoint("integrations: set my posting time", "PUT",
                        (owner, id) -> "/api/v1/integrations/preferences",
                        "{\"postingTime\":\"23:59\",\"zone\":\"Asia/Tokyo\"}", OwnedEndpoints::scheduledPost, 200,
                        (owner, id) -> "/api/v1/integrations/preferences"),
                new OwnedEndpoint("integrations: list my scheduled posts", "GET",
                        (owner, id) -> "/api/v1/integrations/posts", null, OwnedEndpoints::scheduledPost, 200,
                        (owner, id) -> "/api/v1/integrations/posts"),
                new OwnedEndpoint("integrations: cancel a scheduled post", "DELETE",
                        (owner, id) -> "/api/v1/integrations/posts/" + id, null, OwnedEndpoints::scheduledPost, 404,
                        (owner, id) -> "/api/v1/integrations/posts"),
                new OwnedEndpoint("notification: mark one read", "POST",
                        (owner, id) -> "/api/v1/notifications/" + id + "/read", null, OwnedEndpoints::notification,
                        404, (owner, id) -> "/api/v1/notifications"),
                new OwnedEndpoint("notification: my inbox", "GET",
                        (owner, id) -> "/api/v1/notifications", null, OwnedEndpoints::notification, 200,
                        (owner, id) -> "/api/v1/notifications"),
                new OwnedEndpoint("research: read a tracker", "GET",
                        (owner, id) -> TRACKERS + "/" + id, null, OwnedEndpoints::tracker, 404,
                        (owner, id) -> TRACKERS + "/" + id),
                new OwnedEndpoint("research: ranking history of a tracker", "GET",
                        (owner, id) -> TRACKERS + "/" + id + "/rankings", null, OwnedEndpoints::tracker, 404,
                        (owner, id) -> TRACKERS + "/" + id + "/rankings"),
                new OwnedEndpoint("research: replace a tracker's alert rules", "PUT",
                        (owner, id) -> TRACKERS + "/" + id + "/alerts", "{\"rankDrop\":{\"places\":1}}",
                        OwnedEndpoints::tracker, 404, (owner, id) -> TRACKERS + "/" + id),
                new OwnedEndpoint("research: refresh a tracker", "POST",
                        (owner, id) -> TRACKERS + "/" + id + "/refresh", null, OwnedEndpoints::tracker, 404,
                        (owner, id) -> TRACKERS + "/" + id + "/rankings"),
                new OwnedEndpoint("research: delete a tracker", "DELETE",
                        (owner, id) -> TRACKERS + "/" + id, null, OwnedEndpoints::tracker, 404,
                        (owner, id) -> TRACKERS + "/" + id),
                new OwnedEndpoint("research: list my trackers", "GET",
                        (owner, id) -> TRACKERS, null, OwnedEndpoints::tracker, 200, (owner, id) -> TRACKERS),
                // Creating is scoped to the caller: the intruder's tracker is the intruder's own.
                new OwnedEndpoint("research: create a tracker", "POST",
                        (owner, id) -> TRACKERS, "{\"keyword\":\"intruder\"}", OwnedEndpoints::tracker, 201,
                        (owner, id) -> TRACKERS),
                new OwnedEndpoint("integrations: my connections", "GET",
                        (owner, id) -> "/api/v1/integrations", null, OwnedEndpoints::connection, 200,
                        (owner, id) -> "/api/v1/integrations"),
                // Starts an authorization for the caller only: the owner's connection stays as it was.
                new OwnedEndpoint("integrations: connect", "GET",
                        (owner, id) -> "/api/v1/integrations/" + id + "/connect", null, OwnedEndpoints::connection,
                        200, (owner, id) -> "/api/v1/integrations"),
                new OwnedEndpoint("integrations: disconnect", "DELETE",
                        (owner, id) -> "/api/v1/integrations/" + id, null, OwnedEndpoints::connection, 404,
                        (owner, id) -> "/api/v1/integrations"));
    }

    /** The owner's connection to the test authorization server, made through its authorization page; the provider. */
    private static String connection(String base, TestUser owner) {
        // The test server accepts loopback redirect URIs on any port when they use an IP literal.
        String loopback = base.replace("localhost", "127.0.0.1");
        String authorizationUrl = HttpClientSupport.send("GET",
                loopback + "/api/v1/integrations/" + OAuthTestServer.PROVIDER + "/connect", null, owner.bearer())
                .body().path("authorizationUrl").asString();
        JsonResponse connected = HttpClientSupport.send("GET",
                OAuthTestServer.authorizeInBrowser(authorizationUrl).toString());
        if (connected.status() != 303) {
            throw new IllegalStateException("Connecting failed: " + connected.status() + " " + connected.body());
        }
        return OAuthTestServer.PROVIDER;
    }

    /**
     * The notification that the owner's generated blog post is ready, once every notice's e-mail is settled, so the
     * owner's view before and after the intruder's request can be compared.
     */
    private static String notification(String base, TestUser owner) {
        blogGeneration(base, owner);
        JsonNode inbox = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(
                () -> HttpClientSupport.send("GET", base + "/api/v1/notifications", null, owner.bearer()).body()
                        .path("items"),
                items -> items.findValuesAsString("type").contains("library.content.saved")
                        && !items.findValuesAsString("status").contains("PENDING"));
        return inbox.path(0).path("id").asString();
    }

    /** A tracker with its first ranking, so it does not change by itself until its next refresh (an hour later). */
    static String tracker(String base, TestUser owner) {
        String id = HttpClientSupport.send("POST", base + TRACKERS,
                "{\"keyword\":\"owned keyword\",\"competitors\":[\"acme.com\"]}", owner.bearer()).body().path("id")
                .asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> HttpClientSupport
                .send("GET", base + TRACKERS + "/" + id, null, owner.bearer()).body().path("refreshes").asInt(),
                refreshes -> refreshes >= 1);
        return id;
    }

    /** The owner's webhook (on an allow-listed host; nothing is ever delivered to it here). */
    private static String webhook(String base, TestUser owner) {
        HttpClientSupport.send("PUT", base + "/api/v1/integrations/webhook", "{\"url\":\"https://localhost:1/owner\"}",
                owner.bearer());
        return owner.id();
    }

    /** A generated social post scheduled for the owner's webhook two hours from now, so it stays scheduled. */
    private static String scheduledPost(String base, TestUser owner) {
        webhook(base, owner);
        String inTwoHours = LocalTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
        HttpClientSupport.send("PUT", base + "/api/v1/integrations/preferences",
                "{\"postingTime\":\"%s\",\"zone\":\"UTC\"}".formatted(inTwoHours), owner.bearer());
        HttpClientSupport.send("POST", base + "/api/v1/studio/content/social",
                "{\"topic\":\"owned posts\",\"platforms\":[\"x\"]}", owner.bearer());
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> HttpClientSupport
                .send("GET", base + "/api/v1/integrations/posts", null, owner.bearer()).body().path("items").path(0)
                .path("id").asString(""), id -> !id.isEmpty());
    }

    private static String brandProfile(String base, TestUser owner) {
        HttpClientSupport.send("PUT", base + "/api/v1/brand/profile",
                "{\"voice\":\"owner's voice\",\"bannedTerms\":[\"secret\"]}", owner.bearer());
        return owner.id();
    }

    /** A generated listing's audit, as {@code <audit id>/<listing id>}. */
    private static String listingAudit(String base, TestUser owner) {
        String listing = HttpClientSupport.send("POST", base + "/api/v1/studio/content/listing",
                "{\"productName\":\"Owned Pack\",\"features\":[\"zip\"],\"audience\":\"hikers\"}",
                owner.bearer()).body().path("id").asString();
        String audit = await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL)
                .until(() -> HttpClientSupport.send("GET", base + "/api/v1/brand/audits?contentId=" + listing, null,
                        owner.bearer()).body().path("items").path(0).path("id").asString(""), id -> !id.isEmpty());
        return audit + "/" + listing;
    }

    /** A generated blog post, once it is in the owner's library. */
    static String libraryItem(String base, TestUser owner) {
        String id = blogGeneration(base, owner);
        await().atMost(Duration.ofSeconds(20)).pollInterval(TestUsers.POLL_INTERVAL).until(() -> HttpClientSupport
                .send("GET", base + "/api/v1/library/items/" + id, null, owner.bearer()).status(),
                status -> status == 200);
        return id;
    }

    /** A bulk listing job of one row, once it has completed. */
    private static String bulkListingJob(String base, TestUser owner) {
        String id = HttpClientSupport.upload(base + "/api/v1/studio/jobs/bulk-listings", "file", "listings.csv",
                "productName,features,audience\nOwned Pack,zip,hikers\n".getBytes(StandardCharsets.UTF_8),
                owner.bearer()).body().path("id").asString();
        awaitCompleted(base, owner, "/api/v1/studio/jobs/" + id);
        return id;
    }

    /** An export of the owner's library, once it has completed. */
    private static String libraryExport(String base, TestUser owner) {
        String id = HttpClientSupport.send("POST", base + "/api/v1/library/exports", "{}", owner.bearer()).body()
                .path("id").asString();
        awaitCompleted(base, owner, "/api/v1/library/exports/" + id);
        return id;
    }

    private static void awaitCompleted(String base, TestUser owner, String path) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> HttpClientSupport
                .send("GET", base + path, null, owner.bearer()).body().path("status").asString(), "COMPLETED"::equals);
    }

    private static String account(String base, TestUser owner) {
        return owner.id();
    }

    /** The owner's account once its onboarding has completed, so its state no longer changes by itself. */
    private static String onboardedAccount(String base, TestUser owner) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> HttpClientSupport
                .send("GET", base + "/api/v1/users/me/onboarding", null, owner.bearer()).body().path("status")
                .asString(), "COMPLETED"::equals);
        return owner.id();
    }

    private static String blogGeneration(String base, TestUser owner) {
        JsonResponse accepted = HttpClientSupport.send("POST", base + "/api/v1/studio/content/blog",
                "{\"topic\":\"owned content\",\"keywords\":[],\"length\":\"short\"}", owner.bearer());
        String id = accepted.body().path("id").asString();
        // Settled, so the owner's view before and after the intruder's request can be compared
        // (every step of the content saga has reported back).
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> HttpClientSupport
                .send("GET", base + "/api/v1/studio/generations/" + id, null, owner.bearer()).body()
                .path("sagaStatus").asString(), "COMPLETED"::equals);
        return id;
    }

    private static String myAccount(TestUser owner, String resourceId) {
        return "/api/v1/users/me";
    }
}
