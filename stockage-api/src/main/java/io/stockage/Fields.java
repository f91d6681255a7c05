package io.stockage;

import java.util.List;

/** The organization's custom fields, set on items by {@link Files#update} ({@link Stockage#fields()}). */
public interface Fields {

  /** Defines (or redefines) a custom field of the subject's organization. Needs {@link OrgPermission#ADMIN}. */
  FieldDefinition define(Subject subject, FieldDefinition field);

  /** The custom fields of the subject's organization, by name. */
  List<FieldDefinition> list(Subject subject);
}
