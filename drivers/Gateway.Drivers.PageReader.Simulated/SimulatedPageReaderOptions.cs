using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.PageReader.Simulated;

/// <summary>Settings of the <c>simulated-page-reader</c> driver.</summary>
public sealed class SimulatedPageReaderOptions
{
    /// <summary>Seconds between documents placed by themselves; 0 = on command only. Default 8.</summary>
    [Range(0, 86_400)]
    public double IntervalSeconds { get; set; } = 8;

    /// <summary>
    /// The formats placed in turn: <c>Td1</c>, <c>Td2</c>, <c>Td3</c>, <c>Visa</c> (MRV-A). Empty (the default) for all
    /// four: TD3, TD1, visa, TD2. (Empty rather than a default list, since configuration binding adds to a list.)
    /// </summary>
    public SimulatedFormat[] Formats { get; set; } = [];

    /// <summary>The formats in turn, <see cref="Formats"/> or all four.</summary>
    internal IReadOnlyList<SimulatedFormat> FormatsInTurn =>
        Formats.Length > 0 ? Formats : [SimulatedFormat.Td3, SimulatedFormat.Td1, SimulatedFormat.Visa, SimulatedFormat.Td2];

    /// <summary>Resolution of the page images. Default 300.</summary>
    [Range(150, 1200)]
    public int Ppi { get; set; } = 300;

    /// <summary>Whether the reader also delivers its own MRZ read (as readers with an MRZ engine do). Default false.</summary>
    public bool DeviceMrz { get; set; }

    /// <summary>Faults the device after this many captures (0 = never), to train technicians and test recovery.</summary>
    [Range(0, int.MaxValue)]
    public int FailAfterCaptures { get; set; }

    /// <summary>Seeds the documents and their placement; 0 = random.</summary>
    public int Seed { get; set; }

    /// <summary>The OCR-B font the MRZ is printed in. Default Debian's fonts-ocr-b.</summary>
    public string FontPath { get; set; } = Specimens.SpecimenRenderer.DefaultFontPath;
}

/// <summary>The document formats the simulated page reader renders.</summary>
public enum SimulatedFormat
{
    /// <summary>TD1 identity card (its specimen shows the MRZ beside the portrait), with a Data Matrix.</summary>
    Td1,

    /// <summary>TD2 document, with a PDF417.</summary>
    Td2,

    /// <summary>TD3 passport data page.</summary>
    Td3,

    /// <summary>Machine readable visa, format A, with a PDF417.</summary>
    Visa,
}
