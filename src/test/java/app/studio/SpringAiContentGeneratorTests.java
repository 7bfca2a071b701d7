package app.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.studio.StreamingModelServer.Request;
import app.studio.StreamingModelServer.Wire;
import app.studio.StudioSettings.Generator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Spring AI generator promises, against a server that speaks each provider's streaming wire format: content
 * read from the streamed answer, progress as chunks arrive, the request the provider receives, retries of transient
 * failures only, time-outs, and clear reasons for answers it cannot keep.
 */
class SpringAiContentGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "test-key-123";
    private static final String MODEL = "test-model-1";
    private static final List<String> KEYWORDS = List.of("open rate", "subject lines", "A/B testing");
    private static final ContentBrief BLOG = new ContentBrief("email marketing", KEYWORDS, "short", null, null, null,
            null);
    private static final ContentBrief SOCIAL = new ContentBrief("launch week", null, null,
            List.of("linkedin", "x", "facebook", "instagram"), null, null, null);
    private static final ContentBrief LISTING = new ContentBrief(null, null, null, null, "Trail Pack 30",
            List.of("waterproof zipper", "USB-C charging port", "lifetime warranty"), "weekend hikers");
    private static final Personalization ANA = new Personalization("Ana", "outdoor gear", "friendly", "pt-BR");

    private final List<StreamingModelServer> servers = new ArrayList<>();
    private final List<int[]> progress = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(StreamingModelServer::close);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aBlogIsReadFromTheStreamedAnswerWhileProgressAdvancesInAtLeastFiveSteps(Wire wire) {
        StreamingModelServer server = server(wire).answers(blogAnswer());

        GeneratedContent blog = generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record);

        assertThat(blog.title()).isEqualTo("Email marketing that gets opened");
        assertThat(blog.body()).contains(KEYWORDS);
        assertProgressAdvancedToTheEndInAtLeastFiveSteps();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSocialGenerationHasOnePostPerPlatformInTheOrderAskedFor(Wire wire) {
        StreamingModelServer server = server(wire).answers(socialAnswer("Launch week is here. #launch"));

        GeneratedContent social = generatorFor(server).generate(ContentType.SOCIAL, SOCIAL, ANA, this::record);

        assertThat(social.title()).isEqualTo("Launch week");
        assertThat(social.posts()).extracting(GeneratedContent.Post::platform)
                .containsExactly("linkedin", "x", "facebook", "instagram");
        assertThat(social.posts()).filteredOn(post -> post.platform().equals("x")).singleElement()
                .extracting(GeneratedContent.Post::text).isEqualTo("Launch week is here. #launch");
        assertProgressAdvancedToTheEndInAtLeastFiveSteps();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aListingHasItsTitleBulletsAndDescription(Wire wire) {
        StreamingModelServer server = server(wire).answers(listingAnswer());

        GeneratedContent listing = generatorFor(server).generate(ContentType.LISTING, LISTING, ANA, this::record);

        assertThat(listing.title()).isEqualTo("Trail Pack 30 for weekend hikers");
        assertThat(listing.bullets()).hasSize(3).first().asString().contains("waterproof zipper");
        assertThat(listing.description()).contains("lifetime warranty");
        assertProgressAdvancedToTheEndInAtLeastFiveSteps();
    }

    @Test
    void theOpenAiRequestCarriesTheModelTheBearerKeyStreamingAndTheBrief() {
        StreamingModelServer server = server(Wire.OPENAI).answers(blogAnswer());

        generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record);

        Request request = server.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").findValuesAsString("role")).containsExactly("system", "user");
        assertPromptCarriesTheBriefAndThePersonalization(body.path("messages").toString());
    }

    @Test
    void theAnthropicRequestCarriesTheModelTheApiKeyHeaderStreamingAndTheBrief() {
        StreamingModelServer server = server(Wire.ANTHROPIC).answers(blogAnswer());

        generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record);

        Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
        JsonNode body = request.json();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
        assertPromptCarriesTheBriefAndThePersonalization(body.path("system") + " " + body.path("messages"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aServiceUnavailableAnswerIsRetriedAndTheRetrySucceeds(Wire wire) {
        StreamingModelServer server = server(wire).failsWith(503).answers(blogAnswer());

        GeneratedContent blog = generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record);

        assertThat(blog.body()).contains(KEYWORDS);
        assertThat(server.requests()).hasSize(2);
        assertProgressAdvancedToTheEndInAtLeastFiveSteps();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void tooManyRequestsIsRetriedToo(Wire wire) {
        StreamingModelServer server = server(wire).failsWith(429).answers(blogAnswer());

        generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record);

        assertThat(server.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void afterTheLastAttemptTheReasonNamesTheProviderAndTheStatus(Wire wire) {
        StreamingModelServer server = server(wire).failsWith(503).failsWith(503).failsWith(503);

        assertThatThrownBy(() -> generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(ModelUnavailable.class)
                .hasMessage(provider(wire) + " answered 503 Service Unavailable after 3 attempts");
        assertThat(server.requests()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anUnauthorizedAnswerFailsAtOnceWithAClearReason(Wire wire) {
        StreamingModelServer server = server(wire).failsWith(401).answers(blogAnswer());

        assertThatThrownBy(() -> generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(ModelUnavailable.class)
                .hasMessage(provider(wire) + " answered 401 Unauthorized; not retried");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aProviderThatCannotBeReachedIsRetriedUpToTheLastAttempt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ContentGenerator generator = ChatModels.generator(Generator.OPENAI,
                settings("http://127.0.0.1:" + closedPort + "/v1", Duration.ofSeconds(10), 2));

        assertThatThrownBy(() -> generator.generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(ModelUnavailable.class)
                .hasMessageStartingWith("OpenAI could not be reached")
                .hasMessageEndingWith("after 2 attempts");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamThatStallsTimesOutWithoutARetry(Wire wire) {
        // A retry would get the good answer scripted second and succeed.
        StreamingModelServer server = server(wire).stallsAfter("{\"title\": ").answers(blogAnswer());
        ContentGenerator generator = ChatModels.generator(generator(wire),
                settings(server.baseUrl(), Duration.ofMillis(500), 3));

        assertThatThrownBy(() -> generator.generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(ModelUnavailable.class)
                .hasMessage(provider(wire) + " sent nothing for 500ms (app.studio.ai.idle-timeout)");
        assertThat(progress).isEmpty();
    }

    @Test
    void aGenerationThatOutlastsTheWholeCallTimeoutFails() {
        StreamingModelServer server = server(Wire.OPENAI).stallsAfter("{\"title\": ");
        ContentGenerator generator = ChatModels.generator(Generator.OPENAI, new StudioSettings.Ai(server.baseUrl(),
                KEY, MODEL, Duration.ofMillis(800), Duration.ofSeconds(30), 3, Duration.ofMillis(10), 4096));

        assertThatThrownBy(() -> generator.generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(ModelUnavailable.class)
                .hasMessage("OpenAI did not finish within 800ms (app.studio.ai.timeout)");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void malformedJsonFailsWithAClearReason(Wire wire) {
        StreamingModelServer server = server(wire).answers("{\"title\": \"Email marketing\", \"body\": \"Open rate");

        assertThatThrownBy(() -> generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessageStartingWith("the model's answer is not valid JSON")
                .hasMessageContaining("{\"title\": \"Email marketing\"");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anAnswerWithoutAKeywordFailsNamingTheKeyword(Wire wire) {
        StreamingModelServer server = server(wire).answers(json(Map.of("title", "Email marketing", "body",
                "A body about open rate and subject lines, but not the third one.")));

        assertThatThrownBy(() -> generatorFor(server).generate(ContentType.BLOG, BLOG, ANA, this::record))
                .isInstanceOf(UnusableModelAnswer.class)
                .hasMessage("the model's answer does not use the keyword \"A/B testing\" word for word");
    }

    private void assertPromptCarriesTheBriefAndThePersonalization(String prompt) {
        assertThat(prompt).contains("email marketing").contains(KEYWORDS).contains("150 to 300 words")
                .contains("friendly").contains("outdoor gear").contains("Portuguese (Brazil) (pt-BR)")
                .contains("\\\"title\\\"").contains("\\\"body\\\"");
    }

    private void assertProgressAdvancedToTheEndInAtLeastFiveSteps() {
        assertThat(progress).hasSizeGreaterThanOrEqualTo(5);
        int planned = progress.getFirst()[1];
        assertThat(progress).allSatisfy(step -> {
            assertThat(step[1]).as("planned").isEqualTo(planned);
            assertThat(step[0]).as("written").isPositive().isLessThanOrEqualTo(planned);
        });
        assertThat(progress.stream().map(step -> step[0]).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(progress.getLast()[0]).isEqualTo(planned);
    }

    private void record(int written, int planned) {
        progress.add(new int[] { written, planned });
    }

    private StreamingModelServer server(Wire wire) {
        StreamingModelServer server = StreamingModelServer.start(wire);
        servers.add(server);
        return server;
    }

    private static ContentGenerator generatorFor(StreamingModelServer server) {
        return ChatModels.generator(generator(server.wire()), settings(server.baseUrl(), Duration.ofSeconds(20), 3));
    }

    private static StudioSettings.Ai settings(String baseUrl, Duration idleTimeout, int maxAttempts) {
        return new StudioSettings.Ai(baseUrl, KEY, MODEL, Duration.ofSeconds(60), idleTimeout, maxAttempts,
                Duration.ofMillis(10), 4096);
    }

    private static Generator generator(Wire wire) {
        return wire == Wire.OPENAI ? Generator.OPENAI : Generator.ANTHROPIC;
    }

    private static String provider(Wire wire) {
        return wire == Wire.OPENAI ? "OpenAI" : "Anthropic";
    }

    private static String blogAnswer() {
        StringBuilder body = new StringBuilder("## Why it matters\n\nWe will look at open rate, subject lines and "
                + "A/B testing.\n\n");
        for (int i = 0; i < 18; i++) {
            body.append("Small, regular improvements to your emails compound over a quarter of steady work. ");
        }
        return "```json\n" + json(Map.of("title", "Email marketing that gets opened", "body", body.toString().strip()))
                + "\n```";
    }

    private static String socialAnswer(String xPost) {
        return json(Map.of("title", "Launch week", "posts", List.of(
                Map.of("platform", "instagram", "text", "A fresh look at launch week. Small steps, real results. "
                        + "#launch #behindthescenes"),
                Map.of("platform", "x", "text", xPost),
                Map.of("platform", "linkedin", "text", "What we learned while preparing launch week, in friendly "
                        + "words: focus on the basics, measure honestly, and share the results with your team. "
                        + "What has worked for you when you launched something new? #launch"),
                Map.of("platform", "facebook", "text", "We have been thinking about launch week. Here is the short "
                        + "version: do the basics well and keep going. Tell us your experience in the comments!"))));
    }

    private static String listingAnswer() {
        return json(Map.of("title", "Trail Pack 30 for weekend hikers", "bullets", List.of(
                "A waterproof zipper keeps your gear dry on wet trails.",
                "A USB-C charging port powers your phone on the go.",
                "A lifetime warranty means it lasts as long as your adventures."),
                "description", "Trail Pack 30 is made for weekend hikers who want one pack for every trail. It "
                        + "brings a waterproof zipper, a USB-C charging port and a lifetime warranty together in "
                        + "one friendly package, so you can spend less time packing and more time walking. Light "
                        + "enough for a day, roomy enough for a night out, and tough enough for years of use."));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
