package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The multipart reader on bodies cut into random reads, with contents that hold the boundary's
 * prefixes: every part comes back byte for byte, whatever the cuts.
 */
class FormPartsTest {
  private static final String BOUNDARY = "----StockageBoundary7MA4YWxkTrZu0gW";

  @Test
  void parts_comeBackByteForByte_whateverTheReadsCut() throws IOException {
    Random random = new Random(20261207);
    for (int round = 0; round < 300; round++) {
      List<byte[]> contents = new ArrayList<>();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        byte[] content = tricky(random);
        contents.add(content);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"p" + i + "\"; filename=\"f" + i
            + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));

      FormParts parts = new FormParts(new Choppy(body.toByteArray(), random), BOUNDARY, Long.MAX_VALUE);
      for (int i = 0; i < count; i++) {
        FormParts.Part part = parts.next().orElseThrow();
        assertThat(part).isEqualTo(new FormParts.Part("p" + i, Optional.of("f" + i + ".bin")));
        if (random.nextInt(4) == 0 && i < count - 1) {
          continue; // a part left unread is skipped
        }
        assertThat(parts.content().readAllBytes()).as("round %d part %d", round, i).isEqualTo(contents.get(i));
      }
      assertThat(parts.next()).isEmpty();
    }
  }

  @Test
  void fields_haveNoFileName() throws IOException {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\nplans\r\n--" + BOUNDARY
        + "--\r\n";
    FormParts parts = new FormParts(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY, 1000);
    assertThat(parts.next()).contains(new FormParts.Part("folder", Optional.empty()));
    assertThat(new String(parts.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plans");
    assertThat(parts.next()).isEmpty();
  }

  @Test
  void aBodyWithoutItsClosingBoundary_isMalformed() throws IOException {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-";
    FormParts parts = new FormParts(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY, 1000);
    parts.next();
    InputStream content = parts.content();
    assertThatThrownBy(content::readAllBytes).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void moreThanTheLimit_isTooLarge() throws IOException {
    byte[] big = new byte[200_000];
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(big);
    FormParts parts = new FormParts(new ByteArrayInputStream(body.toByteArray()), BOUNDARY, 100_000);
    parts.next();
    InputStream content = parts.content();
    assertThatThrownBy(content::readAllBytes).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.reason()).contains(PolicyReason.TOO_LARGE));
  }

  /** Random bytes with the boundary's prefixes (after a CRLF, as a delimiter starts) sown in them. */
  private static byte[] tricky(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      byte[] noise = new byte[random.nextInt(300)];
      random.nextBytes(noise);
      out.writeBytes(noise);
      String delimiter = "\r\n--" + BOUNDARY;
      out.writeBytes(delimiter.substring(0, random.nextInt(delimiter.length())).getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Hands over its bytes a few at a time, as a network does. */
  private static final class Choppy extends FilterInputStream {
    private final Random random;

    Choppy(byte[] bytes, Random random) {
      super(new ByteArrayInputStream(bytes));
      this.random = random;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 7 : 700)));
    }
  }
}
