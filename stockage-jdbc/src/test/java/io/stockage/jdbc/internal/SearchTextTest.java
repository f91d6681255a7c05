package io.stockage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The body's language, which decides whether it is stemmed in one language or both. */
class SearchTextTest {

  @Test
  void language_byFunctionWords() {
    assertThat(SearchText.language("The inspection of the cables and the deck is due, and the report is for the"
        + " engineers of the city.")).isEqualTo(SearchText.Language.ENGLISH);
    assertThat(SearchText.language("Le rapport de l'inspection des poutres du viaduc est pour les ingénieurs de la"
        + " ville et une copie est dans le dossier.")).isEqualTo(SearchText.Language.FRENCH);
    assertThat(SearchText.language("Inspection des poutres")).as("too few words to tell")
        .isEqualTo(SearchText.Language.UNSURE);
    assertThat(SearchText.language("the le and et of de to la in les is des that du for une with un"))
        .as("as much of both").isEqualTo(SearchText.Language.UNSURE);
  }
}
