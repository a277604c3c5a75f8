/**
 * Stop-word profiles: the most frequent function words of each supported language. Words shared by several
 * languages ("de", "in", "a") count for each of them, split evenly (see detect-language.ts).
 */
export const STOP_WORDS: Readonly<Record<string, string>> = {
  en:
    "the and of to in is that for it as with be on not this are by or at from an which have has you your we our " +
    "us will can may if they their these those such any all other more when where how what about would should " +
    "been was were do does its into also only than there",
  fr:
    "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette ces ses son sa nous vous " +
    "votre vos notre nos ils elle sont être ou par plus mais comme si leur leurs été peut peuvent lorsque auprès " +
    "également afin dont tout tous y d l qu n s c",
  de:
    "der die das und ist nicht den dem des ein eine einen einem einer zu mit von auf für im sich sie wir uns unser " +
    "unsere ihr ihre ihren ihrer wenn werden wird kann können oder auch als bei nach aus durch über dass daß sind " +
    "wie diese dieser zum zur haben hat nur noch um",
  es:
    "el la los las de del y en que es un una por para con no se su sus al lo como más pero o este esta estos " +
    "nuestro nuestros nuestra usted sobre cuando puede pueden también sin son ser ha han hay entre si le les cual",
  it:
    "il lo la i gli le di del della dei delle e è un una uno in che per con non si su al alla da dal come più ma o " +
    "questo questa nostro nostra nostri suoi sua suo sono essere può possono anche quando se tra loro vostro l",
  pt:
    "o a os as de do da dos das e é um uma em no na nos nas que para com não se por ao aos como mais mas ou este " +
    "esta seu sua seus suas nosso nossa você vocês são ser pode podem também quando pelo pela sobre entre isso",
  nl:
    "de het een en van is dat die in te op voor met niet zijn aan er als ook om door bij naar of maar wij we ons " +
    "onze u uw jij je jouw wordt worden kan kunnen deze dit over uit tot heeft hebben geen hun wanneer",
};
