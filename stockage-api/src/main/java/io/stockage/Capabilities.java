package io.stockage;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider can do, and its limits.
 *
 * @param supported the capabilities it declares
 * @param limits its numeric limits
 */
public record Capabilities(Set<Capability> supported, Limits limits) {
  /** Validates and copies. */
  public Capabilities {
    supported = Set.copyOf(supported);
    Objects.requireNonNull(limits, "limits");
  }

  /** Capabilities from a list. */
  public static Capabilities of(Limits limits, Capability... supported) {
    return new Capabilities(Set.of(supported), limits);
  }

  /** Whether the capability is declared. */
  public boolean supports(Capability capability) {
    return supported.contains(capability);
  }

  /**
   * Fails with {@link ErrorKind#UNSUPPORTED} naming the capability when it is not declared.
   *
   * @param what the operation that needs it, for the message
   */
  public void require(Capability capability, String what) {
    if (!supports(capability)) {
      throw StockageException.unsupported(capability, what + " needs " + capability);
    }
  }

  /** These capabilities without the given ones: what a layer such as read-only exposes. */
  public Capabilities without(Capability... removed) {
    Set<Capability> set = supported.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(supported);
    set.removeAll(Set.of(removed));
    return new Capabilities(set, limits);
  }
}
