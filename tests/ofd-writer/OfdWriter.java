import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;

/**
 * Writes each non-empty line of a UTF-8 text file as a paragraph of an OFD document, as a word
 * processor prints a report: a 4.2 mm (12 pt) font, the first line indented by two characters,
 * long paragraphs wrapped and continued on the next page by ofdrw's layout.
 * Several pairs write several documents in one run.
 *   java -cp CLASSPATH OfdWriter.java report.txt report.ofd [another.txt another.ofd ...]
 */
public class OfdWriter {
    public static void main(String[] args) throws Exception {
        for (int n = 0; n + 1 < args.length; n += 2) {
            write(Paths.get(args[n]), Paths.get(args[n + 1]));
        }
    }

    private static void write(Path source, Path target) throws Exception {
        try (OFDDoc document = new OFDDoc(target)) {
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                Paragraph paragraph = new Paragraph(text, 4.2d);
                paragraph.setFirstLineIndent(2);
                document.add(paragraph);
            }
        }
    }
}
