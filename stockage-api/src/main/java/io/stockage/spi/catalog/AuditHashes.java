package io.stockage.spi.catalog;

import io.stockage.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chaining one audit row to the one before it: hex SHA-256 over a canonical encoding of
 * the row's id, organization, actor, action, target, outcome, details, time and the previous
 * row's hash. Every catalog computes it the same way, so that the engine can verify any chain.
 *
 * <p>The encoding is unambiguous: every text is its UTF-8 bytes preceded by their length (4 bytes,
 * big-endian), numbers have a fixed width, the details are a count followed by their key/value
 * pairs sorted by key, and the time is its epoch seconds and nanoseconds truncated to
 * microseconds (PostgreSQL keeps microseconds). No two different rows encode alike, so moving
 * text from one field to the next ({@code "ab","c"} versus {@code "a","bc"}) changes the hash.
 */
public final class AuditHashes {
  /** The previous hash of an organization's first chained row. */
  public static final String GENESIS = "0".repeat(64);

  // Names the encoding, so that a future change of it cannot collide with this one.
  private static final String VERSION = "stockage-audit-v1";

  private AuditHashes() {}

  /** The hash of the row of the given id and record, following the row of hash {@code prevHash}. */
  public static String hash(long id, AuditRecord row, String prevHash) {
    MessageDigest sha = sha256();
    sha.update(prefix());
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(id).array());
    sha.update(fields(row));
    sha.update(text(prevHash));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The hash a stored row should carry, following the row of hash {@code prevHash}. */
  public static String hash(AuditEntry entry, String prevHash) {
    return hash(entry.id(), new AuditRecord(entry.org(), entry.actor(), entry.action(), entry.target(),
        entry.outcome(), entry.details(), entry.at()), prevHash);
  }

  /**
   * The encoding's bytes before the row's id (its version). With {@link #fields} it lets a catalog
   * hash in the database, where the id and the previous hash are drawn: SHA-256 of
   * {@code prefix() || id (8 bytes, big-endian) || fields(row) || length of prevHash (4 bytes) ||
   * prevHash}, hex.
   */
  public static byte[] prefix() {
    return text(VERSION);
  }

  /** The encoding of the row's fields, between its id and the previous hash. */
  public static byte[] fields(AuditRecord row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(text(row.org().value()));
    out.writeBytes(text(row.actor().value()));
    out.writeBytes(text(row.action()));
    out.writeBytes(text(row.target()));
    out.writeBytes(text(row.outcome().name()));
    Map<String, String> details = new TreeMap<>(row.details());
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(details.size()).array());
    details.forEach((key, value) -> {
      out.writeBytes(text(key));
      out.writeBytes(text(value));
    });
    Instant at = row.at().truncatedTo(ChronoUnit.MICROS);
    out.writeBytes(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(at.getEpochSecond()).putInt(at.getNano())
        .array());
    return out.toByteArray();
  }

  // The text's UTF-8 bytes preceded by their length.
  private static byte[] text(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException(e);
    }
  }
}
