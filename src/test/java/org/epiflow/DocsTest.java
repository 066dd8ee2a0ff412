package org.epiflow;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The user guide and the README a new user starts from: numbered sections in order, links and pictures there. */
class DocsTest {
    @Test
    void theUserGuidesSectionsAreNumberedOnceEachInOrder() throws Exception {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^## (\\S+?)\\.? ").matcher(Files.readString(Path.of("docs/user-guide.md")));
        while (m.find()) {
            if (m.group(1).matches("\\d+\\w*")) {
                assertThat(m.group(1)).as("section number").matches("\\d+");
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(numbers).isNotEmpty();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("section " + (i + 1)).isEqualTo(i + 1);
        }
    }

    @Test
    void everyLinkAndPictureOfTheGuideAndTheReadmeIsThere() throws Exception {
        for (Path doc : List.of(Path.of("README.md"), Path.of("docs/user-guide.md"))) {
            String text = Files.readString(doc);
            Matcher m = Pattern.compile("\\]\\(([^)#\\s]+)").matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (!target.startsWith("http")) {
                    assertThat(doc.resolveSibling(target)).as(doc + " → " + target).exists();
                }
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("(docs/user-guide.md)", "(docs/exports.md)", "demo/cases.csv");
    }
}
