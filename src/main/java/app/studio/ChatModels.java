package app.studio;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import app.studio.StudioSettings.Generator;

/**
 * Builds Spring AI's chat models from {@code app.studio.ai.*} alone: no Spring AI auto-configuration and no
 * provider environment variables are read, so what is configured is what is called. The SDKs' own retries are off:
 * {@link SpringAiContentGenerator} retries, with its own policy, and knows what each attempt cost.
 */
final class ChatModels {

    /** Public endpoints, used when {@code app.studio.ai.base-url} is unset. */
    static final String OPENAI_URL = "https://api.openai.com/v1";
    static final String ANTHROPIC_URL = "https://api.anthropic.com";

    private ChatModels() {
    }

    static ContentGenerator generator(Generator generator, StudioSettings.Ai ai) {
        return switch (generator) {
            case LOCAL -> throw new IllegalArgumentException("the local generator calls no model");
            case OPENAI -> new SpringAiContentGenerator("OpenAI", openAi(ai), ai);
            case ANTHROPIC -> new SpringAiContentGenerator("Anthropic", anthropic(ai), ai);
        };
    }

    static ChatModel openAi(StudioSettings.Ai ai) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(present(ai.baseUrl()) ? ai.baseUrl().strip() : OPENAI_URL)
                // An empty key sends no Authorization header: OpenAI-compatible servers that ask for none.
                .apiKey(ai.apiKey() == null ? "" : ai.apiKey().strip())
                .model(present(ai.model()) ? ai.model().strip() : OpenAiChatOptions.DEFAULT_CHAT_MODEL)
                .timeout(ai.timeout())
                .maxRetries(0)
                .build();
        return OpenAiChatModel.builder().options(options).build();
    }

    static ChatModel anthropic(StudioSettings.Ai ai) {
        if (!present(ai.apiKey())) {
            throw new IllegalStateException("app.studio.generator=anthropic needs app.studio.ai.api-key");
        }
        AnthropicChatOptions options = AnthropicChatOptions.builder()
                .baseUrl(present(ai.baseUrl()) ? ai.baseUrl().strip() : ANTHROPIC_URL)
                .apiKey(ai.apiKey().strip())
                .model(present(ai.model()) ? ai.model().strip() : AnthropicChatOptions.DEFAULT_MODEL)
                .maxTokens(ai.maxTokens())
                .timeout(ai.timeout())
                .maxRetries(0)
                .build();
        return AnthropicChatModel.builder().options(options).build();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
