namespace Gateway.Pages;

/// <summary>The light a page image was taken under; numbering matches <c>gateway.v1.LightSource</c>.</summary>
public enum PageLight
{
    /// <summary>Not known (taken for visible light).</summary>
    Unspecified = 0,

    /// <summary>Visible white light.</summary>
    Visible = 1,

    /// <summary>Infrared (about 900 nm): MRZ ink and carbon-printed portraits stay dark, most other inks vanish.</summary>
    Infrared = 2,

    /// <summary>Ultraviolet (365 nm): fluorescent features glow on a dark, non-fluorescent paper.</summary>
    Ultraviolet = 3,
}
