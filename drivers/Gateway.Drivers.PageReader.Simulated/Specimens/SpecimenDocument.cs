using Gateway.Mrz;

namespace Gateway.Drivers.PageReader.Simulated.Specimens;

/// <summary>A specimen document to render: its data (the MRZ is generated from it), a barcode, and how it was printed.</summary>
public sealed record SpecimenDocument
{
    /// <summary>The holder and document data; <see cref="MrzData.Format"/> is the document's format (TD1, TD2, TD3, MRV-A).</summary>
    public required MrzData Data { get; init; }

    /// <summary>The barcode printed on the data page.</summary>
    public SpecimenBarcode Barcode { get; init; }

    /// <summary>Whether the page carries its MRZ (false: a document of no ICAO format, or the MRZ covered).</summary>
    public bool HasMrz { get; init; } = true;

    /// <summary>
    /// Whether the MRZ and portrait are printed in ink that absorbs infrared, as ICAO Doc 9303 requires of the MRZ (false:
    /// an office-printer copy, on which the infrared hints fail).
    /// </summary>
    public bool InfraredInk { get; init; } = true;

    /// <summary>The MRZ lines, every check digit computed.</summary>
    public IReadOnlyList<string> MrzLines => MrzGenerator.Generate(Data).Split('\n');

    /// <summary>The document's size in millimetres (Doc 9303 Parts 4–7).</summary>
    public (double Width, double Height) SizeMm => Data.Format switch
    {
        MrzFormat.Td1 => (85.6, 53.98),
        MrzFormat.Td2 or MrzFormat.MrvB => (105, 74),
        MrzFormat.MrvA => (120, 80),
        _ => (125, 88),
    };
}

/// <summary>The barcode a specimen carries.</summary>
public enum SpecimenBarcode
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A PDF417 holding the holder's data in the AAMVA DL/ID format (an identification card subfile).</summary>
    Pdf417 = 1,

    /// <summary>A Data Matrix holding the same AAMVA-format data.</summary>
    DataMatrix = 2,
}
