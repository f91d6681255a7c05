package io.stockage.provider.smb;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates {@link SmbStorageProvider}s for scheme {@code smb} from properties: {@code host},
 * {@code share}, {@code username} and {@code password} (required), {@code port} (445 by default),
 * {@code domain}, {@code path} (the folder inside the share), {@code encryption}, {@code prune-empty-directories} ({@code false} for a live mount)
 * ({@code true}/{@code false}) and {@code timeout} (seconds, or an ISO-8601 duration such as
 * {@code PT30S}). Other properties are left to whoever else reads them.
 */
public final class SmbProviderFactory implements StorageProviderFactory {

  /** For {@link java.util.ServiceLoader}. */
  public SmbProviderFactory() {}

  @Override
  public String scheme() {
    return "smb";
  }

  @Override
  public StorageProvider create(Map<String, String> properties) {
    return builder(properties).build();
  }

  /**
   * The builder the properties describe, for a caller that wants to adjust it before building.
   *
   * @throws StockageException {@code CONFIG_INVALID} naming the missing or bad property
   */
  public static SmbStorageProviderBuilder builder(Map<String, String> properties) {
    SmbStorageProviderBuilder builder = SmbStorageProvider.builder();
    builder.host(required(properties, "host"));
    builder.share(required(properties, "share"));
    builder.username(required(properties, "username"));
    // A password is taken as given: spaces may be part of it.
    String password = properties.get("password");
    if (password == null) {
      throw invalid("an smb mount needs the property 'password'");
    }
    builder.password(password);
    ifSet(properties, "port", v -> builder.port(port(v)));
    ifSet(properties, "domain", builder::domain);
    ifSet(properties, "path", builder::path);
    ifSet(properties, "encryption", v -> builder.encryption(bool("encryption", v)));
    ifSet(properties, "prune-empty-directories", v -> builder.pruneEmptyFolders(bool("prune-empty-directories", v)));
    ifSet(properties, "timeout", v -> builder.timeout(duration(v)));
    return builder;
  }

  private static String required(Map<String, String> properties, String name) {
    String value = value(properties, name);
    if (value == null) {
      throw invalid("an smb mount needs the property '" + name + "'");
    }
    return value;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid("'port' must be a number: " + value);
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid("'" + name + "' must be true or false: " + value);
    };
  }

  private static Duration duration(String value) {
    try {
      return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw invalid("'timeout' must be seconds or an ISO-8601 duration (PT30S): " + value);
    }
  }

  private static String value(Map<String, String> properties, String name) {
    String value = properties.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void ifSet(Map<String, String> properties, String name, Consumer<String> apply) {
    String value = value(properties, name);
    if (value != null) {
      apply.accept(value);
    }
  }

  private static StockageException invalid(String message) {
    return StockageException.of(ErrorKind.CONFIG_INVALID, "smb: " + message);
  }
}
