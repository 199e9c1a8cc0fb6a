using Gateway.Mrz;

namespace Gateway.Pages.Internal;

/// <summary>The document class from the MRZ's format, or without one from the document's size (Doc 9303 Parts 4–7).</summary>
internal static class Classifier
{
    /// <summary>Sizes differ by 5 mm or more; a document measured within 4 mm of one is taken for it.</summary>
    private const double ToleranceMm = 4;

    private static readonly (DocumentClass Class, double Width, double Height)[] Sizes =
    [
        (DocumentClass.Td1, 85.6, 53.98),
        (DocumentClass.Td2, 105, 74),
        (DocumentClass.VisaA, 120, 80),
        (DocumentClass.Td3, 125, 88),
    ];

    public static DocumentClass FromMrz(MrzResult mrz) => mrz.Format switch
    {
        MrzFormat.Td1 => DocumentClass.Td1,
        MrzFormat.Td2 => DocumentClass.Td2,
        MrzFormat.Td3 => DocumentClass.Td3,
        MrzFormat.MrvA => DocumentClass.VisaA,
        MrzFormat.MrvB => DocumentClass.VisaB,
        _ => DocumentClass.Unknown,
    };

    public static DocumentClass FromSize(double widthMm, double heightMm) =>
        Sizes.Where(s => Math.Abs(s.Width - widthMm) <= ToleranceMm && Math.Abs(s.Height - heightMm) <= ToleranceMm)
            .Select(s => s.Class)
            .FirstOrDefault(DocumentClass.Unknown);
}
