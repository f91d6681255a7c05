package io.stockage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the {@link StockageException} a call fails with. */
public final class Failures {
  private Failures() {}

  /**
   * Runs the call and returns the {@link StockageException} it failed with, after checking its
   * kind; any other outcome (success, another exception) fails the test, naming what happened.
   */
  public static StockageException expect(ErrorKind kind, Executable call) {
    try {
      call.execute();
    } catch (StockageException e) {
      assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected " + kind + ", got " + t, t);
    }
    throw new AssertionError("expected " + kind + ", but it succeeded");
  }
}
