package app.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.platform.web.NotFound;

/**
 * {@code /api/v1/tools/{calculator}}: the business calculators answer GET with their parameters in the query and
 * may be cached by anyone for an hour (a CDN included; an ETag answers conditional requests with {@code 304}); the
 * text tools take the text in a POST body.
 */
@RestController
@RequestMapping("/api/v1/tools")
class ToolsController {

    static final Duration CACHED_FOR = Duration.ofHours(1);
    private static final List<String> TEXT_TOOLS = List.of("readability", "keyword-density");

    /** What a text tool reads. */
    record TextRequest(String text) {
    }

    /** What keyword density reads: the text and, optionally, the keywords or key phrases to measure. */
    record KeywordDensityRequest(String text, List<String> keywords) {
    }

    @GetMapping("/{calculator}")
    ResponseEntity<Object> calculate(@PathVariable String calculator, @RequestParam Map<String, String> parameters)
            throws HttpRequestMethodNotSupportedException {
        Object result = switch (calculator) {
            case "profit-margin" -> Calculators.profitMargin(parameters);
            case "roi" -> Calculators.roi(parameters);
            case "break-even" -> Calculators.breakEven(parameters);
            case "cpc-budget" -> Calculators.cpcBudget(parameters);
            default -> {
                if (TEXT_TOOLS.contains(calculator)) {
                    throw new HttpRequestMethodNotSupportedException("GET", List.of("POST"));
                }
                throw new NotFound("There is no calculator '" + calculator + "'. Calculators: profit-margin, roi, "
                        + "break-even, cpc-budget (GET); readability, keyword-density (POST).");
            }
        };
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHED_FOR).cachePublic()).body(result);
    }

    @PostMapping("/readability")
    TextAnalysis.Readability readability(@RequestBody TextRequest request) {
        return TextAnalysis.readability(request.text());
    }

    @PostMapping("/keyword-density")
    TextAnalysis.KeywordDensity keywordDensity(@RequestBody KeywordDensityRequest request) {
        return TextAnalysis.keywordDensity(request.text(), request.keywords());
    }
}
