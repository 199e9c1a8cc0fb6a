namespace Gateway.Drivers.PageReader.Simulated.Specimens;

/// <summary>Where the document lies on the glass.</summary>
/// <param name="RotationDegrees">Clockwise rotation of the document (90 and 180 for sideways or upside down).</param>
/// <param name="OffsetXMm">Offset of the document's centre from the glass's centre, to the right, in millimetres.</param>
/// <param name="OffsetYMm">Offset downwards, in millimetres.</param>
public sealed record SpecimenPlacement(double RotationDegrees = 0, double OffsetXMm = 0, double OffsetYMm = 0);
