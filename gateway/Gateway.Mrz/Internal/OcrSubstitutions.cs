namespace Gateway.Mrz.Internal;

/// <summary>The usual OCR-B misreads, by the kind of position they land in.</summary>
internal static class OcrSubstitutions
{
    /// <summary>A letter read where only a digit fits (O→0, I→1, B→8, S→5, Z→2, G→6, D→0, Q→0); <c>\0</c> if none.</summary>
    public static char LetterToDigit(char c) => c switch
    {
        'O' or 'D' or 'Q' => '0',
        'I' => '1',
        'B' => '8',
        'S' => '5',
        'Z' => '2',
        'G' => '6',
        _ => '\0',
    };

    /// <summary>A digit read where only a letter fits (the reverse of <see cref="LetterToDigit"/>); <c>\0</c> if none.</summary>
    public static char DigitToLetter(char c) => c switch
    {
        '0' => 'O',
        '1' => 'I',
        '8' => 'B',
        '5' => 'S',
        '2' => 'Z',
        '6' => 'G',
        _ => '\0',
    };

    /// <summary>Letters that a filler <c>&lt;</c> is commonly misread as.</summary>
    public static bool IsFillerMisread(char c) => c is 'K' or 'C' or 'S' or 'E' or 'X';
}
