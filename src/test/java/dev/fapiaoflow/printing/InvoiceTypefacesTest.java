package dev.fapiaoflow.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What the invoice fonts draw, read from their character maps. */
class InvoiceTypefacesTest {

    private final InvoiceTypefaces typefaces = InvoiceTypefaces.get();

    @Test
    void drawEveryHanziOfGb18030sBmpAndExtensionB() {
        // GB 18030-2005's hanzi: CJK Unified Ideographs U+4E00-U+9FA5, Extension A U+3400-U+4DB5, Extension B (42 711)
        IntStream hanzi = IntStream.concat(IntStream.concat(IntStream.rangeClosed(0x4E00, 0x9FA5),
                IntStream.rangeClosed(0x3400, 0x4DB5)), IntStream.rangeClosed(0x20000, 0x2A6D6));
        assertThat(hanzi.filter(codePoint -> !typefaces.canDraw(codePoint)).mapToObj(Integer::toHexString))
                .as("hanzi no face draws").isEmpty();
    }

    @Test
    void drawEverythingGb2312Encodes() {
        Charset gb2312 = Charset.forName("GB2312");
        assertThat(IntStream.rangeClosed(0x20, 0xFFFF).filter(codePoint -> !Character.isSurrogate((char) codePoint))
                .filter(codePoint -> !Character.isISOControl(codePoint))
                .filter(codePoint -> gb2312.newEncoder().canEncode((char) codePoint))
                .filter(codePoint -> !typefaces.canDraw(codePoint)).mapToObj(Integer::toHexString)).isEmpty();
    }

    @Test
    void theMainFaceDrawsTheBmpAndTheSupplementExtensionB() {
        assertThat(typefaces.faceFor('堃')).isSameAs(typefaces.main());
        assertThat(typefaces.faceFor("𠮷".codePointAt(0))).isSameAs(typefaces.supplement());
        assertThat(typefaces.faceFor('A')).isSameAs(typefaces.main());
    }

    @Test
    void findsTheFirstCharacterNoFaceDraws() {
        assertThat(typefaces.firstUndrawable("王堃喆𠮷玥昇公司")).isEmpty();
        assertThat(typefaces.firstUndrawable("公司\uE000😀")).hasValue(0xE000);
        assertThat(typefaces.firstUndrawable("公司😀")).hasValue(0x1F600);
        assertThat(typefaces.firstUndrawable(null)).isEmpty();
    }

    @Test
    void theMessageNamesTheCharacterInEitherLanguage() {
        assertThat(PrintableText.problem("小丽😀", Locale.SIMPLIFIED_CHINESE))
                .hasValue("发票字体无法打印字符「😀」（U+1F600），请改用其他写法");
        assertThat(PrintableText.problem("小丽😀", Locale.ENGLISH))
                .hasValue("The invoice font cannot print the character “😀” (U+1F600); please write it another way");
        assertThat(PrintableText.problem("王堃喆𠮷玥昇公司", Locale.ENGLISH)).isEmpty();
        assertThat(PrintableText.problem("小丽\uD800", Locale.SIMPLIFIED_CHINESE))
                .as("a lone surrogate is named, not copied").hasValue("发票字体无法打印字符「」（U+D800），请改用其他写法");
    }
}
