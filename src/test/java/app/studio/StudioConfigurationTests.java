package app.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which generator the studio runs with, by {@code app.studio.generator}; only the studio's configuration starts. */
class StudioConfigurationTests {

    private final ApplicationContextRunner studio = new ApplicationContextRunner()
            .withUserConfiguration(StudioConfiguration.class);

    @Test
    void withoutAChoiceTheBuiltInGeneratorRunsAndNeedsNoKey() {
        studio.run(context -> assertThat(context).hasNotFailed().getBean(ContentGenerator.class)
                .isInstanceOf(LocalContentGenerator.class));
    }

    @Test
    void openaiOrAnthropicRunsTheSpringAiGeneratorWithoutCallingTheModelAtStartUp() {
        studio.withPropertyValues("app.studio.generator=openai", "app.studio.ai.base-url=http://127.0.0.1:9/v1")
                .run(context -> assertThat(context).getBean(ContentGenerator.class)
                        .isInstanceOf(SpringAiContentGenerator.class));
        studio.withPropertyValues("app.studio.generator=anthropic", "app.studio.ai.base-url=http://127.0.0.1:9",
                "app.studio.ai.api-key=a-key").run(context -> assertThat(context).getBean(ContentGenerator.class)
                        .isInstanceOf(SpringAiContentGenerator.class));
    }

    @Test
    void anthropicWithoutAKeyStopsTheStartSayingWhatIsMissing() {
        studio.withPropertyValues("app.studio.generator=anthropic").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("app.studio.generator=anthropic needs app.studio.ai.api-key"));
    }

    @Test
    void anUnknownGeneratorStopsTheStart() {
        studio.withPropertyValues("app.studio.generator=gemini").run(context -> assertThat(context).hasFailed());
    }
}
