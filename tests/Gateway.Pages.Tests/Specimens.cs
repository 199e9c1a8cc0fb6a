using Gateway.Drivers.PageReader.Simulated;
using Gateway.Drivers.PageReader.Simulated.Specimens;

namespace Gateway.Pages.Tests;

/// <summary>Specimen page sets rendered for the tests by the simulated page reader's renderer.</summary>
internal static class Specimens
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly Lazy<SpecimenRenderer> Renderer = new(() => new SpecimenRenderer());

    public static SpecimenDocument Document(SimulatedFormat format, int seed = 1) => SpecimenDocuments.Random(new Random(seed), format, Today);

    public static SpecimenImages Render(SpecimenDocument document, SpecimenPlacement? placement = null, int seed = 7) =>
        Renderer.Value.Render(document, placement ?? new SpecimenPlacement(1.5), seed);

    public static PageImage[] Pages(SpecimenImages images, bool infrared = true, bool ultraviolet = true) =>
    [
        new(images.Visible, PageLight.Visible, images.Ppi),
        .. infrared ? [new PageImage(images.Infrared, PageLight.Infrared, images.Ppi)] : Array.Empty<PageImage>(),
        .. ultraviolet ? [new PageImage(images.Ultraviolet, PageLight.Ultraviolet, images.Ppi)] : Array.Empty<PageImage>(),
    ];
}
