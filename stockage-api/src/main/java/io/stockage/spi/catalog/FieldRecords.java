package io.stockage.spi.catalog;

import io.stockage.FieldDefinition;
import io.stockage.OrgId;
import java.util.List;

/**
 * The custom field definitions of organizations. Values written to items are validated against
 * them by the engine, not by the catalog; changing a definition leaves stored values as they are.
 */
public interface FieldRecords {

  /** The organization's definitions, by name (byte order); empty when it has none. */
  List<FieldDefinition> list(OrgId org);

  /**
   * Inserts the definition, or replaces the organization's definition of that name (type,
   * whether it is required, choices).
   */
  void put(OrgId org, FieldDefinition field);
}
