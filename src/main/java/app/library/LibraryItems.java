package app.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Repository;

import app.platform.dynamodb.DynamoDbPlatform;
import app.platform.dynamodb.DynamoRepository;
import app.platform.dynamodb.OwnedItem;
import app.platform.dynamodb.Page;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A user's library, newest first (item ids of generations are time-ordered). */
@Repository
class LibraryItems extends DynamoRepository<LibraryItem> {

    LibraryItems(DynamoDbPlatform platform) {
        super(platform, "library", TableSchema.fromBean(LibraryItem.class));
    }

    /**
     * @param type only items of this type, or {@code null}
     * @param text only items whose title contains this text, or whose title and body contain each of its words (any
     *     case), or {@code null}
     */
    Page<LibraryItem> newestOf(String owner, String type, String text, String cursor, int limit) {
        Expression.Builder filter = Expression.builder();
        List<String> conditions = new ArrayList<>();
        conditions.add("attribute_not_exists(#withdrawn)");
        filter.putExpressionName("#withdrawn", "withdrawn");
        if (type != null) {
            conditions.add("#type = :type");
            filter.putExpressionName("#type", "type").putExpressionValue(":type", AttributeValue.fromS(type));
        }
        if (text != null) {
            // The text within the title (any case), or each of its words among the words of the title and body.
            List<String> everyWord = new ArrayList<>();
            int number = 0;
            for (String word : SearchWords.ofQuery(text)) {
                everyWord.add("contains(#words, :word" + number + ")");
                filter.putExpressionValue(":word" + number++, AttributeValue.fromS(word));
            }
            conditions.add("(contains(#titleLower, :text)"
                    + (everyWord.isEmpty() ? "" : " OR (" + String.join(" AND ", everyWord) + ")") + ")");
            filter.putExpressionName("#titleLower", "titleLower")
                    .putExpressionValue(":text", AttributeValue.fromS(text.toLowerCase(Locale.ROOT)));
            if (!everyWord.isEmpty()) {
                filter.putExpressionName("#words", "words");
            }
        }
        Expression expression = filter.expression(String.join(" AND ", conditions)).build();
        return query(null, QueryConditional.sortBeginsWith(Key.builder().partitionValue(OwnedItem.partitionOf(owner))
                .sortValue(LibraryItem.SORT_PREFIX).build()), expression, owner + "|" + type + "|" + text, cursor,
                limit, false);
    }
}
