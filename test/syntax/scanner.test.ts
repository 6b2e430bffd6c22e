/**
 * Scanner corner cases. Expected tokens and errors were produced by
 * go/scanner (Go 1.26) on the same inputs: "line:col TOKEN lit" and
 * "line:col: message" with UTF-8 byte columns.
 */
import { describe, expect, it } from 'vitest';
import { scanAll } from './helpers.js';

describe('scanner: number literals', () => {
  it('valid forms', () => {
    const r = scanAll('0x1.p0 .5 1. 1e+5 1E-5i 0X1P1 0O7 0B1 0xabcdefABCDEF 0777 00 0i 1_000_000 0x_1F 0b_1 0o_7 1_2.3_4e5_6');
    expect(r.errs).toEqual([]);
    expect(r.toks).toEqual([
      '1:1 FLOAT "0x1.p0"', '1:8 FLOAT ".5"', '1:11 FLOAT "1."', '1:14 FLOAT "1e+5"', '1:19 IMAG "1E-5i"',
      '1:25 FLOAT "0X1P1"', '1:31 INT "0O7"', '1:35 INT "0B1"', '1:39 INT "0xabcdefABCDEF"', '1:54 INT "0777"',
      '1:59 INT "00"', '1:62 IMAG "0i"', '1:65 INT "1_000_000"', '1:75 INT "0x_1F"', '1:81 INT "0b_1"',
      '1:86 INT "0o_7"', '1:91 FLOAT "1_2.3_4e5_6"', '1:102 ; "\\n"',
    ]);
  });

  it('invalid forms, with go/scanner messages', () => {
    const r = scanAll('0b102 0o78 09 0x 0b 0x1p 1e 0x1.0 0b1.0 0o1e3 1__0 _1 1_ 0x_1 0_1 1.5_ 0x1p-2i 08.5 0128i');
    expect(r.toks).toEqual([
      '1:1 INT "0b102"', '1:7 INT "0o78"', '1:12 INT "09"', '1:15 INT "0x"', '1:18 INT "0b"', '1:21 FLOAT "0x1p"',
      '1:26 FLOAT "1e"', '1:29 FLOAT "0x1.0"', '1:35 FLOAT "0b1.0"', '1:41 FLOAT "0o1e3"', '1:47 INT "1__0"',
      '1:52 IDENT "_1"', '1:55 INT "1_"', '1:58 INT "0x_1"', '1:63 INT "0_1"', '1:67 FLOAT "1.5_"',
      '1:72 IMAG "0x1p-2i"', '1:80 FLOAT "08.5"', '1:85 IMAG "0128i"', '1:90 ; "\\n"',
    ]);
    expect(r.errs).toEqual([
      "1:5: invalid digit '2' in binary literal",
      "1:10: invalid digit '8' in octal literal",
      "1:13: invalid digit '9' in octal literal",
      '1:17: hexadecimal literal has no digits',
      '1:20: binary literal has no digits',
      '1:25: exponent has no digits',
      '1:28: exponent has no digits',
      "1:34: hexadecimal mantissa requires a 'p' exponent",
      '1:38: invalid radix point in binary literal',
      "1:44: 'e' exponent requires decimal mantissa",
      "1:49: '_' must separate successive digits",
      "1:56: '_' must separate successive digits",
      "1:70: '_' must separate successive digits",
    ]);
  });
});

describe('scanner: runes and strings', () => {
  it('rune literals and escapes', () => {
    const ok = scanAll(`'a' '\\n' '\\'' '\\\\' '\\x7f' '\\377' '\\u12e4' '\\U00101234' '☃' '𝄞' '\\a\\b'`);
    expect(ok.toks.slice(0, 10)).toEqual([
      `1:1 CHAR "'a'"`, `1:5 CHAR "'\\\\n'"`, `1:10 CHAR "'\\\\''"`, `1:15 CHAR "'\\\\\\\\'"`, `1:20 CHAR "'\\\\x7f'"`,
      `1:27 CHAR "'\\\\377'"`, `1:34 CHAR "'\\\\u12e4'"`, `1:43 CHAR "'\\\\U00101234'"`, `1:56 CHAR "'☃'"`, `1:62 CHAR "'𝄞'"`,
    ]);
    expect(ok.errs).toEqual(['1:69: illegal rune literal']);
    const bad = scanAll("'a' 'ab' '' '\\400' '\\uD800' '\\x4' '\\q' '\n");
    expect(bad.errs).toEqual([
      '1:5: illegal rune literal',
      '1:10: illegal rune literal',
      '1:15: escape sequence is invalid Unicode code point',
      '1:22: escape sequence is invalid Unicode code point',
      "1:33: illegal character U+0027 ''' in escape sequence",
      '1:37: unknown escape sequence',
      '1:40: rune literal not terminated',
    ]);
  });

  it('interpreted strings', () => {
    const r = scanAll('"abc\\q" "x\n');
    expect(r.toks).toEqual(['1:1 STRING "\\"abc\\\\q\\""', '1:9 STRING "\\"x"', '1:11 ; "\\n"']);
    expect(r.errs).toEqual(['1:6: unknown escape sequence', '1:9: string literal not terminated']);
    expect(scanAll('"\\"\\u00e9\\t"').errs).toEqual([]);
    expect(scanAll('"\\x').errs).toEqual(['1:4: escape sequence not terminated', '1:1: string literal not terminated']);
  });

  it('raw strings and comments drop \\r; positions stay source positions', () => {
    const r = scanAll('`a\r\nb` /* x\r\n*/');
    expect(r.toks).toEqual(['1:1 STRING "`a\\nb`"', '2:4 COMMENT "/* x\\n*/"', '2:9 ; "\\n"']);
    expect(scanAll('// c\r\nx').toks[0]).toBe('1:1 COMMENT "// c"');
    // go/scanner keeps a '\r' between '*' and '/' inside a general comment
    expect(scanAll('/* a\r\n*\r/ b */ `x\r\ny`').toks).toEqual([
      '1:1 COMMENT "/* a\\n*\\r/ b */"', '2:10 STRING "`x\\ny`"', '3:3 ; "\\n"',
    ]);
    expect(scanAll('`abc').errs).toEqual(['1:1: raw string literal not terminated']);
    expect(scanAll('/* abc').errs).toEqual(['1:1: comment not terminated']);
  });
});

describe('scanner: automatic semicolons', () => {
  it('after the tokens the spec lists, and only those', () => {
    const r = scanAll('a++\nb--\nc)\nd]\ne}\nf.\n1.5\n\'c\'\n"s"\n`r`\nbreak\ncontinue\nfallthrough\nreturn\ngo\n+\n');
    expect(r.toks.join(' | ')).toBe(
      '1:1 IDENT "a" | 1:2 ++ "" | 1:4 ; "\\n" | 2:1 IDENT "b" | 2:2 -- "" | 2:4 ; "\\n" | 3:1 IDENT "c" | 3:2 ) "" | ' +
        '3:3 ; "\\n" | 4:1 IDENT "d" | 4:2 ] "" | 4:3 ; "\\n" | 5:1 IDENT "e" | 5:2 } "" | 5:3 ; "\\n" | 6:1 IDENT "f" | ' +
        '6:2 . "" | 7:1 FLOAT "1.5" | 7:4 ; "\\n" | 8:1 CHAR "\'c\'" | 8:4 ; "\\n" | 9:1 STRING "\\"s\\"" | 9:4 ; "\\n" | ' +
        '10:1 STRING "`r`" | 10:4 ; "\\n" | 11:1 break "break" | 11:6 ; "\\n" | 12:1 continue "continue" | ' +
        '12:9 ; "\\n" | 13:1 fallthrough "fallthrough" | 13:12 ; "\\n" | 14:1 return "return" | 14:7 ; "\\n" | ' +
        '15:1 go "go" | 16:1 + ""',
    );
  });

  it('at a newline inside a general comment, before the comment ends', () => {
    expect(scanAll('x /* a\n b */ y').toks).toEqual([
      '1:1 IDENT "x"', '1:3 COMMENT "/* a\\n b */"', '1:7 ; "\\n"', '2:7 IDENT "y"', '2:8 ; "\\n"',
    ]);
    // no newline in the comment: no semicolon
    expect(scanAll('x /* a */ y').toks).toEqual(['1:1 IDENT "x"', '1:3 COMMENT "/* a */"', '1:11 IDENT "y"', '1:12 ; "\\n"']);
    // line comment: the semicolon comes at the newline, after the comment
    expect(scanAll('x // c\n y').toks).toEqual(['1:1 IDENT "x"', '1:3 COMMENT "// c"', '1:7 ; "\\n"', '2:2 IDENT "y"', '2:3 ; "\\n"']);
    // at EOF
    expect(scanAll('x').toks).toEqual(['1:1 IDENT "x"', '1:2 ; "\\n"']);
  });

  it('not after binary operators (expression continues on the next line)', () => {
    expect(scanAll('x := 1 +\n\t2\nif x {\n}').toks).toEqual([
      '1:1 IDENT "x"', '1:3 := ""', '1:6 INT "1"', '1:8 + ""', '2:2 INT "2"', '2:3 ; "\\n"', '3:1 if "if"',
      '3:4 IDENT "x"', '3:6 { ""', '4:1 } ""', '4:2 ; "\\n"',
    ]);
  });
});

describe('scanner: identifiers, operators, illegal input', () => {
  it('Unicode identifiers, illegal characters and curly quotes', () => {
    const r = scanAll('a\u00e9b ☃ \u201cx ǅx ʰy ĳ ٣ _9 x٣ 𝐀b');
    expect(r.toks.slice(0, 4)).toEqual(['1:1 IDENT "aéb"', '1:6 ILLEGAL "☃"', '1:10 ILLEGAL "“"', '1:13 IDENT "x"']);
    expect(r.toks).toContain('1:15 IDENT "ǅx"'); // Lt
    expect(r.toks).toContain('1:19 IDENT "ʰy"'); // Lm
    expect(r.toks).toContain('1:26 ILLEGAL "٣"'); // Nd cannot start an identifier
    expect(r.toks).toContain('1:32 IDENT "x٣"');
    expect(r.toks).toContain('1:36 IDENT "𝐀b"'); // astral letter
    expect(r.errs).toEqual([
      "1:6: illegal character U+2603 '☃'",
      "1:10: curly quotation mark '“' (use neutral '\"')",
      "1:26: illegal character U+0663 '٣'",
    ]);
  });

  it("letters follow Go's Unicode version (15.0), not the JS engine's", () => {
    // U+2EBF0 is a letter since Unicode 15.1; U+0378 is unassigned
    const r = scanAll('x\u{2EBF0} \u0378');
    expect(r.toks).toEqual(['1:1 IDENT "x"', '1:2 ILLEGAL "\u{2EBF0}"', '1:7 ILLEGAL "\u0378"', '1:9 ; "\\n"']);
    expect(r.errs).toEqual(['1:2: illegal character U+2EBF0', '1:7: illegal character U+0378']);
  });

  it('all operators', () => {
    const ops = '+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... ( ) [ ] { } , ; . :';
    const r = scanAll(ops);
    expect(r.errs).toEqual([]);
    const got = r.toks.map((t) => t.split(' ')[1]).filter((t) => t !== undefined);
    // no newline follows: no semicolon is inserted
    expect(got).toEqual(ops.split(' '));
  });

  it('BOM: skipped at the start, an error elsewhere', () => {
    const r = scanAll('\ufeffpackage p\nx\ufeffy');
    expect(r.toks[0]).toBe('1:4 package "package"');
    expect(r.errs).toEqual(['2:2: illegal byte order mark']);
  });

  it('NUL: reported wherever it is read', () => {
    const r = scanAll(Buffer.from('x\x00y "a\x00" // \x00', 'latin1'));
    expect(r.errs).toEqual([
      '1:2: illegal character NUL',
      '1:2: illegal character U+0000',
      '1:7: illegal character NUL',
      '1:13: illegal character NUL',
    ]);
  });

  it('invalid UTF-8: one error per invalid byte, at byte columns', () => {
    const r = scanAll(Buffer.from('a\xffb "\xe2\x82" // \xc0', 'latin1'));
    expect(r.toks[0]).toBe('1:1 IDENT "a"');
    expect(r.toks[2]).toBe('1:3 IDENT "b"');
    expect(r.errs).toEqual([
      '1:2: illegal UTF-8 encoding',
      "1:2: illegal character U+FFFD '�'",
      '1:6: illegal UTF-8 encoding',
      '1:7: illegal UTF-8 encoding',
      '1:13: illegal UTF-8 encoding',
    ]);
    const u16 = scanAll(Buffer.from('\xff\xfepackage', 'latin1'));
    expect(u16.errs).toEqual(['1:1: illegal UTF-8 encoding (got UTF-16)', "1:1: illegal character U+FFFD '�'"]);
  });

  it('//line directives: the errors go/scanner reports', () => {
    const r = scanAll('//line foo:0\n//line :5:0\n/*line x:3*/\n//line ok.go:10\n x //line notatstart:0');
    expect(r.errs).toEqual(['1:12: invalid line number: 0', '2:11: invalid column number: 0']);
  });
});
