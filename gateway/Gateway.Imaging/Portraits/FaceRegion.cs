namespace Gateway.Imaging.Portraits;

/// <summary>A rectangle in a frame, in pixels from its top-left corner.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public readonly record struct FaceRegion(int X, int Y, int Width, int Height)
{
    /// <summary>The horizontal centre.</summary>
    public double CenterX => X + (Width / 2.0);

    /// <summary>The vertical centre.</summary>
    public double CenterY => Y + (Height / 2.0);
}

/// <summary>The centres of the two eyes, in frame pixels; <see cref="Left"/> is the one on the image's left.</summary>
/// <param name="Left">The eye on the image's left (the traveller's right eye).</param>
/// <param name="Right">The eye on the image's right.</param>
/// <param name="Detected">True when both eyes were found by the eye cascade; false when estimated from the face box.</param>
public readonly record struct EyePositions((double X, double Y) Left, (double X, double Y) Right, bool Detected)
{
    /// <summary>Distance between the eye centres in pixels.</summary>
    public double Distance => Math.Sqrt(Math.Pow(Right.X - Left.X, 2) + Math.Pow(Right.Y - Left.Y, 2));

    /// <summary>Angle of the eye line from horizontal in degrees (positive: the image-right eye is lower).</summary>
    public double RollDegrees => Math.Atan2(Right.Y - Left.Y, Right.X - Left.X) * 180 / Math.PI;
}
