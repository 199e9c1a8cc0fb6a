namespace Gateway.Mrz.Internal;

/// <summary>
/// The layouts of Doc 9303 Parts 4–7 and of the French pre-2021 identity card. Positions below are written 1-based, as in
/// the standard's tables, so they can be compared with it line by line.
/// </summary>
internal static class MrzLayouts
{
    public static readonly MrzLayout Td1 = new(
        MrzFormat.Td1,
        3,
        30,
        [
            F(MrzFieldName.DocumentCode, 1, 1, 2, CharClass.Alpha),
            F(MrzFieldName.IssuingState, 1, 3, 3, CharClass.Alpha),
            F(MrzFieldName.DocumentNumber, 1, 6, 9, CharClass.AlphaNumeric),
            F(MrzFieldName.OptionalData1, 1, 16, 15, CharClass.AlphaNumeric),
            F(MrzFieldName.DateOfBirth, 2, 1, 6, CharClass.Numeric),
            F(MrzFieldName.Sex, 2, 8, 1, CharClass.Alpha),
            F(MrzFieldName.DateOfExpiry, 2, 9, 6, CharClass.Numeric),
            F(MrzFieldName.Nationality, 2, 16, 3, CharClass.Alpha),
            F(MrzFieldName.OptionalData2, 2, 19, 11, CharClass.AlphaNumeric),
        ],
        [
            C(MrzCheckName.DocumentNumber, 1, 15, S(1, 6, 9)),
            C(MrzCheckName.DateOfBirth, 2, 7, S(2, 1, 6)),
            C(MrzCheckName.DateOfExpiry, 2, 15, S(2, 9, 6)),
            C(MrzCheckName.Composite, 2, 30, S(1, 6, 25), S(2, 1, 7), S(2, 9, 7), S(2, 19, 11)),
        ],
        F(MrzFieldName.Surname, 3, 1, 30, CharClass.Alpha));

    public static readonly MrzLayout Td2 = new(
        MrzFormat.Td2,
        2,
        36,
        [
            F(MrzFieldName.DocumentCode, 1, 1, 2, CharClass.Alpha),
            F(MrzFieldName.IssuingState, 1, 3, 3, CharClass.Alpha),
            F(MrzFieldName.DocumentNumber, 2, 1, 9, CharClass.AlphaNumeric),
            F(MrzFieldName.Nationality, 2, 11, 3, CharClass.Alpha),
            F(MrzFieldName.DateOfBirth, 2, 14, 6, CharClass.Numeric),
            F(MrzFieldName.Sex, 2, 21, 1, CharClass.Alpha),
            F(MrzFieldName.DateOfExpiry, 2, 22, 6, CharClass.Numeric),
            F(MrzFieldName.OptionalData1, 2, 29, 7, CharClass.AlphaNumeric),
        ],
        [
            C(MrzCheckName.DocumentNumber, 2, 10, S(2, 1, 9)),
            C(MrzCheckName.DateOfBirth, 2, 20, S(2, 14, 6)),
            C(MrzCheckName.DateOfExpiry, 2, 28, S(2, 22, 6)),
            C(MrzCheckName.Composite, 2, 36, S(2, 1, 10), S(2, 14, 7), S(2, 22, 14)),
        ],
        F(MrzFieldName.Surname, 1, 6, 31, CharClass.Alpha));

    public static readonly MrzLayout Td3 = new(
        MrzFormat.Td3,
        2,
        44,
        [
            F(MrzFieldName.DocumentCode, 1, 1, 2, CharClass.Alpha),
            F(MrzFieldName.IssuingState, 1, 3, 3, CharClass.Alpha),
            F(MrzFieldName.DocumentNumber, 2, 1, 9, CharClass.AlphaNumeric),
            F(MrzFieldName.Nationality, 2, 11, 3, CharClass.Alpha),
            F(MrzFieldName.DateOfBirth, 2, 14, 6, CharClass.Numeric),
            F(MrzFieldName.Sex, 2, 21, 1, CharClass.Alpha),
            F(MrzFieldName.DateOfExpiry, 2, 22, 6, CharClass.Numeric),
            F(MrzFieldName.PersonalNumber, 2, 29, 14, CharClass.AlphaNumeric),
        ],
        [
            C(MrzCheckName.DocumentNumber, 2, 10, S(2, 1, 9)),
            C(MrzCheckName.DateOfBirth, 2, 20, S(2, 14, 6)),
            C(MrzCheckName.DateOfExpiry, 2, 28, S(2, 22, 6)),
            C(MrzCheckName.PersonalNumber, 2, 43, S(2, 29, 14)),
            C(MrzCheckName.Composite, 2, 44, S(2, 1, 10), S(2, 14, 7), S(2, 22, 22)),
        ],
        F(MrzFieldName.Surname, 1, 6, 39, CharClass.Alpha));

    public static readonly MrzLayout MrvA = Visa(MrzFormat.MrvA, 44);

    public static readonly MrzLayout MrvB = Visa(MrzFormat.MrvB, 36);

    public static readonly MrzLayout FrenchIdentityCard = new(
        MrzFormat.FrenchIdentityCard,
        2,
        36,
        [
            F(MrzFieldName.DocumentCode, 1, 1, 2, CharClass.Alpha),
            F(MrzFieldName.IssuingState, 1, 3, 3, CharClass.Alpha),
            F(MrzFieldName.Surname, 1, 6, 25, CharClass.Alpha),
            F(MrzFieldName.AdministrativeCode, 1, 31, 6, CharClass.AlphaNumeric),
            F(MrzFieldName.DocumentNumber, 2, 1, 12, CharClass.AlphaNumeric),
            F(MrzFieldName.GivenNames, 2, 14, 14, CharClass.Alpha),
            F(MrzFieldName.DateOfBirth, 2, 28, 6, CharClass.Numeric),
            F(MrzFieldName.Sex, 2, 35, 1, CharClass.Alpha),
        ],
        [
            C(MrzCheckName.DocumentNumber, 2, 13, S(2, 1, 12)),
            C(MrzCheckName.DateOfBirth, 2, 34, S(2, 28, 6)),

            // Unlike ICAO layouts, the composite covers everything before it, names included.
            C(MrzCheckName.Composite, 2, 36, S(1, 1, 36), S(2, 1, 35)),
        ],
        null);

    /// <summary>MRV-A and MRV-B differ only in the length of the optional data; visas have no composite check digit.</summary>
    private static MrzLayout Visa(MrzFormat format, int length) => new(
        format,
        2,
        length,
        [
            F(MrzFieldName.DocumentCode, 1, 1, 2, CharClass.Alpha),
            F(MrzFieldName.IssuingState, 1, 3, 3, CharClass.Alpha),
            F(MrzFieldName.DocumentNumber, 2, 1, 9, CharClass.AlphaNumeric),
            F(MrzFieldName.Nationality, 2, 11, 3, CharClass.Alpha),
            F(MrzFieldName.DateOfBirth, 2, 14, 6, CharClass.Numeric),
            F(MrzFieldName.Sex, 2, 21, 1, CharClass.Alpha),
            F(MrzFieldName.DateOfExpiry, 2, 22, 6, CharClass.Numeric),
            F(MrzFieldName.OptionalData1, 2, 29, length - 28, CharClass.AlphaNumeric),
        ],
        [
            C(MrzCheckName.DocumentNumber, 2, 10, S(2, 1, 9)),
            C(MrzCheckName.DateOfBirth, 2, 20, S(2, 14, 6)),
            C(MrzCheckName.DateOfExpiry, 2, 28, S(2, 22, 6)),
        ],
        F(MrzFieldName.Surname, 1, 6, length - 5, CharClass.Alpha));

    public static MrzLayout For(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => Td1,
        MrzFormat.Td2 => Td2,
        MrzFormat.Td3 => Td3,
        MrzFormat.MrvA => MrvA,
        MrzFormat.MrvB => MrvB,
        MrzFormat.FrenchIdentityCard => FrenchIdentityCard,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No layout for this format."),
    };

    private static FieldSpec F(MrzFieldName name, int line, int column, int length, CharClass cls) =>
        new(name, line - 1, column - 1, length, cls);

    private static Segment S(int line, int column, int length) => new(line - 1, column - 1, length);

    private static CheckSpec C(MrzCheckName name, int line, int column, params Segment[] covered) =>
        new(name, covered, line - 1, column - 1);
}
