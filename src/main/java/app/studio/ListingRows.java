package app.studio;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import app.platform.web.InvalidInput;

/**
 * The rows of a bulk listing upload: a CSV file (RFC 4180, UTF-8) whose header row names the columns
 * {@code productName}, {@code features} (separated by {@code ;}) and {@code audience} (also {@code targetAudience}),
 * in any order. A file that is not such a CSV is refused whole; a row that is wrong (field count, missing or
 * over-long field) is kept as it is and fails on its own when its turn comes.
 *
 * @param columns the canonical column names, in the file's order
 * @param rows each data row's fields, in the file's order
 */
record ListingRows(List<String> columns, List<List<String>> rows) {

    static final List<String> REQUIRED = List.of("productName", "features", "audience");
    private static final Map<String, String> ALIASES = Map.of("productname", "productName", "features", "features",
            "audience", "audience", "targetaudience", "audience");

    /** Reads the upload; {@link InvalidInput} when it is not a CSV with the required header. */
    static ListingRows parse(byte[] content, int maxRows) {
        String text = utf8(content);
        if (text.isBlank()) {
            throw InvalidInput.of("file", "is empty; send a CSV file with a header row (" + String.join(",", REQUIRED)
                    + ") and one row per listing");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
            throw InvalidInput.of("file", "is not a CSV text file (it holds control characters)");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(stripBom(text)), format)) {
            List<List<String>> records = new ArrayList<>();
            List<String> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = columnsOf(record);
                    continue;
                }
                if (records.size() == maxRows) {
                    throw new UploadTooLarge("The file has more than " + maxRows + " rows; split it");
                }
                records.add(Arrays.asList(record.values()));
            }
            if (records.isEmpty()) {
                throw InvalidInput.of("file", "has no rows after its header row");
            }
            return new ListingRows(columns, List.copyOf(records));
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InvalidInput.of("file", "is not a well-formed CSV file: " + e.getMessage());
        }
    }

    int size() {
        return rows.size();
    }

    /**
     * The brief of one row (index from 0), or the reason it has none (wrong field count). Fields are checked by the
     * brief itself when the generation is accepted.
     */
    ContentBrief briefOf(int index) {
        List<String> fields = rows.get(index);
        if (fields.size() != columns.size()) {
            throw InvalidInput.of("row", "has " + fields.size() + " fields where the header has " + columns.size());
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byColumn.put(columns.get(i), fields.get(i));
        }
        List<String> features = Arrays.stream(byColumn.get("features").split(";")).map(String::strip)
                .filter(feature -> !feature.isEmpty()).toList();
        return new ContentBrief(null, null, null, null, blankToNull(byColumn.get("productName")), features,
                blankToNull(byColumn.get("audience")));
    }

    private static List<String> columnsOf(CSVRecord header) {
        List<String> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : header.values()) {
            String column = ALIASES.get(name.strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add(name);
            }
            else if (columns.contains(column)) {
                throw InvalidInput.of("file", "names the column " + column + " twice in its header row");
            }
            columns.add(column);
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw InvalidInput.of("file", "must start with a header row naming the columns " + REQUIRED
                    + (missing.isEmpty() ? "" : "; missing: " + missing)
                    + (unknown.isEmpty() ? "" : "; unknown: " + abbreviated(unknown.toString())));
        }
        return List.copyOf(columns);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        }
        catch (CharacterCodingException notText) {
            throw InvalidInput.of("file", "is not a CSV text file in UTF-8");
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
