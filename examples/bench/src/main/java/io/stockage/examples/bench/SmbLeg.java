package io.stockage.examples.bench;

/** What one SMB benchmark run times: each client's write, then each client's read. */
enum SmbLeg {
  /** {@code SmbStorageProvider.write} from a {@code FileInputStream}. */
  PROVIDER_WRITE("provider write", true),
  /** smbj's {@code openFile} and {@code File.write} from a {@code FileInputStream}. */
  RAW_WRITE("raw write", false),
  /** {@code SmbStorageProvider.read}, drained into a discarding stream. */
  PROVIDER_READ("provider read", true),
  /** smbj's {@code openFile} and {@code getInputStream}, drained into a discarding stream. */
  RAW_READ("raw read", false);

  private final String label;
  private final boolean provider;

  SmbLeg(String label, boolean provider) {
    this.label = label;
    this.provider = provider;
  }

  /** The name in the report. */
  String label() {
    return label;
  }

  /** Whether this leg goes through the provider. */
  boolean provider() {
    return provider;
  }

  /** Whether this leg writes. */
  boolean write() {
    return this == PROVIDER_WRITE || this == RAW_WRITE;
  }

  /** The leg of the same direction through the other client. */
  SmbLeg counterpart() {
    return switch (this) {
      case PROVIDER_WRITE -> RAW_WRITE;
      case RAW_WRITE -> PROVIDER_WRITE;
      case PROVIDER_READ -> RAW_READ;
      case RAW_READ -> PROVIDER_READ;
    };
  }

  /** The write or read leg of a client. */
  static SmbLeg of(boolean provider, boolean write) {
    if (write) {
      return provider ? PROVIDER_WRITE : RAW_WRITE;
    }
    return provider ? PROVIDER_READ : RAW_READ;
  }
}
