namespace Gateway.MrzOcr.Internal;

/// <summary>A line of text in a crop: the ink from <see cref="Left"/> to <see cref="Right"/>, centred on y = A + B·x, <see cref="Height"/> tall.</summary>
internal sealed record TextLine(float Left, float Right, float A, float B, float Height)
{
    public float CenterY(float x) => A + (B * x);

    public float Length => Right - Left;
}
