package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GET and PUT URLs (SigV4 query signing). A download name becomes
 * {@code response-content-disposition}, which S3 echoes as the {@code Content-Disposition} header,
 * in the RFC 6266 form browsers understand: an ASCII {@code filename} and a UTF-8
 * {@code filename*}.
 */
public final class S3Presign {
  /** SigV4 presigned URLs live at most seven days. */
  private static final Duration MAX_TTL = Duration.ofDays(7);

  private final Bucket bucket;
  private final S3Presigner presigner;

  /** A presigner for the bucket. */
  public S3Presign(Bucket bucket, S3Presigner presigner) {
    this.bucket = bucket;
    this.presigner = presigner;
  }

  /** A URL reading the object until the TTL runs out. */
  public URI read(String key, Duration ttl, Optional<String> downloadName) {
    String path = bucket.path(key);
    checkTtl(ttl);
    try {
      URL url = presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(r -> {
        r.bucket(bucket.name()).key(path);
        downloadName.ifPresent(name -> r.responseContentDisposition(contentDisposition(name)));
      })).url();
      return url.toURI();
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.PRESIGN, key);
    } catch (URISyntaxException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "s3 presign " + key + ": " + e.getMessage(), e);
    }
  }

  /** A URL writing the object (one PUT) until the TTL runs out. */
  public URI write(String key, Duration ttl) {
    String path = bucket.path(key);
    checkTtl(ttl);
    try {
      return presigner.presignPutObject(p -> p.signatureDuration(ttl)
          .putObjectRequest(r -> r.bucket(bucket.name()).key(path))).url().toURI();
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.PRESIGN, key);
    } catch (URISyntaxException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "s3 presign " + key + ": " + e.getMessage(), e);
    }
  }

  /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187). */
  static String contentDisposition(String name) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAttrChar(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }

  private static void checkTtl(Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a presigned URL lives between 1 second and 7 days: " + ttl);
    }
  }
}
