package io.stockage.testkit.conformance;

import org.junit.jupiter.api.Nested;

/**
 * Every conformance suite in one class: a provider's test module extends it once and says how to
 * create the provider. Each family runs as a {@code @Nested} class with its own provider instance
 * and root.
 *
 * <pre>
 * class MemoryProviderTest extends StorageProviderConformance {
 *   &#64;Override
 *   protected ProviderUnderTest providerUnderTest() {
 *     return ProviderUnderTest.inProcess(MemoryProvider::create);
 *   }
 * }
 * </pre>
 *
 * <p>To run only some families, or to give one family its own settings, extend the family
 * classes ({@link ReadConformance}, {@link WriteConformance}, ...) instead.
 */
public abstract class StorageProviderConformance {

  /** For subclasses. */
  protected StorageProviderConformance() {}

  /** The provider to check and, when it talks to a server, how to stop and start that server. */
  protected abstract ProviderUnderTest providerUnderTest();

  /** {@link ReadConformance} for this provider. */
  @Nested
  public class Read extends ReadConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link WriteConformance} for this provider. */
  @Nested
  public class Write extends WriteConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link ConditionalWriteConformance} for this provider. */
  @Nested
  public class ConditionalWrite extends ConditionalWriteConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link StatListDeleteConformance} for this provider. */
  @Nested
  public class StatListDelete extends StatListDeleteConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link KeysConformance} for this provider. */
  @Nested
  public class Keys extends KeysConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link CopyMoveConformance} for this provider. */
  @Nested
  public class CopyMove extends CopyMoveConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link PresignConformance} for this provider. */
  @Nested
  public class Presign extends PresignConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link VersionsConformance} for this provider. */
  @Nested
  public class Versions extends VersionsConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link MultipartConformance} for this provider. */
  @Nested
  public class Multipart extends MultipartConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link WriteAtConformance} for this provider. */
  @Nested
  public class WriteAt extends WriteAtConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link ErrorsConformance} for this provider. */
  @Nested
  public class Errors extends ErrorsConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link ModelConformance} for this provider. */
  @Nested
  public class Model extends ModelConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }

  /** {@link DirectoriesConformance} for this provider. */
  @Nested
  public class Directories extends DirectoriesConformance {
    @Override
    protected ProviderUnderTest providerUnderTest() {
      return StorageProviderConformance.this.providerUnderTest();
    }
  }
}
