package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguagesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en|Your statement for the account ending 4471 is available. Please log in to online banking to view it; we will never ask for your password.",
        "pt|Olá! A fatura do seu cartão fechou e você pode pagar pelo app. Nunca pedimos sua senha por e-mail, e isso também vale para o telefone.",
        "es|Hola, Marta: gracias por su compra. Hemos recibido su pedido y le avisaremos cuando salga del almacén. Puede consultar el estado en su cuenta.",
        "de|Sehr geehrte Kundin, in Ihrem Postfach liegt ein neuer Kontoauszug für Ihr Girokonto. Wir fragen Sie nicht nach der PIN, bitte melden Sie sich an.",
        "fr|Bonjour, votre facture est disponible dans votre espace client. Elle sera prélevée sur votre compte et nous ne vous demandons pas vos codes.",
        "it|Gentile cliente, la ringraziamo per aver scelto il nostro hotel. La prenotazione della camera è confermata e il check-in è dalle 14, non prima.",
        "nl|Hallo, je pakket is onderweg en wordt morgen bezorgd. Niet thuis? Dan leggen we het bij de buren of brengen we het naar een punt voor je.",
        "zh|各位同事：公司年会定于十二月二十日晚上六点在酒店二楼宴会厅举行，请大家准时参加，并于本周五前回复是否出席。",
        "ja|お世話になっております。来週の会議の資料をお送りしますので、ご確認のほどよろしくお願いいたします。",
        "ko|안녕하세요. 다음 주 회의 자료를 보내 드립니다. 확인 부탁드립니다. 감사합니다. 좋은 하루 보내세요."})
    void tellsTheLanguagesItKnows(String language, String text) {
        assertThat(Languages.detect(text)).hasValue(language);
    }

    @Test
    void saysNothingWhenThereIsTooLittleToTell() {
        assertThat(Languages.detect("OK, thanks!")).isEmpty();
        assertThat(Languages.detect("")).isEmpty();
        assertThat(Languages.detect("12345 67890 https://example.com/x?y=z")).isEmpty();
        assertThat(Languages.KNOWN).contains("en", "pt", "es", "de", "fr", "it", "nl", "zh", "ja", "ko");
    }
}
