import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import dev.optkit.analyzers.facts.FileFacts;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How the facts cache's encoding costs: every entry of a facts cache (facts-v4.smile.gz, written by
 * `optkit assess`) encoded as objects of named fields (the format before d0dc65c) and as arrays of
 * record components (FactsCache's), with and without field-name canonicalisation, then decoded on
 * one thread, three times each. The mappers repeat FactsCache's configuration, which is private.
 * Run with the launcher's JIT: java -XX:TieredStopAtLevel=1 -Xmx3g -cp cli/target/optkit.jar
 * bench/FactsEncoding.java PROJECT/.optkit/cache/facts-v4.smile.gz
 */
public class FactsEncoding {
  static ObjectMapper mapper(boolean canonical, boolean arrays) {
    SmileFactory smile = new SmileFactory().disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT);
    if (!canonical) {
      smile.disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
    }
    ObjectMapper mapper = new ObjectMapper(smile).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    if (arrays) {
      mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public JsonFormat.Value findFormat(Annotated annotated) {
          return annotated instanceof AnnotatedClass type && type.getRawType().isRecord()
              ? JsonFormat.Value.forShape(JsonFormat.Shape.ARRAY) : super.findFormat(annotated);
        }
      });
    }
    return mapper;
  }

  public static void main(String[] args) throws Exception {
    ObjectMapper stored = mapper(false, true); // how FactsCache writes
    JsonNode root;
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(Path.of(args[0]))), 1 << 16)) {
      root = stored.readTree(in); // [key, {path: [contentHash, facts]}]
    }
    List<FileFacts> facts = new ArrayList<>();
    for (Iterator<JsonNode> entries = root.get(1).elements(); entries.hasNext(); ) {
      facts.add(stored.readValue(entries.next().get(1).binaryValue(), FileFacts.class));
    }
    System.out.printf("%d files' facts%n", facts.size());
    String[] modes = {"objects", "objects, names not canonicalised", "arrays", "arrays, names not canonicalised (FactsCache)"};
    for (String mode : modes) {
      ObjectMapper mapper = mapper(!mode.contains("not canonicalised"), mode.startsWith("arrays"));
      List<byte[]> encoded = new ArrayList<>();
      ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
        for (FileFacts file : facts) {
          byte[] bytes = mapper.writeValueAsBytes(file);
          encoded.add(bytes);
          gzip.write(bytes);
        }
      }
      long size = encoded.stream().mapToLong(b -> b.length).sum();
      StringBuilder times = new StringBuilder();
      int unequal = 0;
      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < encoded.size(); i++) {
          FileFacts read = mapper.readValue(encoded.get(i), FileFacts.class);
          if (round == 0 && !read.equals(facts.get(i))) {
            unequal++;
          }
        }
        times.append(String.format(" %.2f s", (System.nanoTime() - start) / 1e9));
      }
      System.out.printf("%-45s %,d bytes (%,d gzipped), decoded in%s, %d unequal%n", mode, size, gzipped.size(), times, unequal);
    }
  }
}
