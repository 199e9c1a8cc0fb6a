using System.Numerics;
using System.Security.Cryptography;

namespace Gateway.Emrtd.Internal.Crypto;

/// <summary>A point on a prime curve in affine coordinates; <see cref="IsInfinity"/> for the neutral element.</summary>
internal readonly record struct EcPoint(BigInteger X, BigInteger Y, bool IsInfinity = false)
{
    public static readonly EcPoint Infinity = new(BigInteger.Zero, BigInteger.Zero, true);
}

/// <summary>
/// The prime-field curve arithmetic PACE Generic Mapping needs (G~ = s·G + H, and key agreement on G~): .NET has no public
/// point addition or multiplication. Curve constants come from .NET's own named curves (OpenSSL), not from tables here.
/// Scalars here are ephemeral (one PACE run); the double-and-add ladder is not constant-time, which is acceptable for
/// keys that never outlive a session but would not be for a long-term key.
/// </summary>
internal sealed class EcCurve
{
    private EcCurve(BigInteger p, BigInteger a, BigInteger b, EcPoint g, BigInteger n, int size)
    {
        P = p;
        A = a;
        B = b;
        G = g;
        N = n;
        Size = size;
    }

    public BigInteger P { get; }

    public BigInteger A { get; }

    public BigInteger B { get; }

    public EcPoint G { get; }

    public BigInteger N { get; }

    /// <summary>Field element size in bytes.</summary>
    public int Size { get; }

    public static EcCurve FromNamed(ECCurve named)
    {
        using var key = ECDiffieHellman.Create(named);
        var e = key.ExportExplicitParameters(false).Curve;
        return new EcCurve(ToInt(e.Prime!), ToInt(e.A!), ToInt(e.B!), new EcPoint(ToInt(e.G.X!), ToInt(e.G.Y!)), ToInt(e.Order!), e.Prime!.Length);
    }

    public static BigInteger ToInt(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    public byte[] ToBytes(BigInteger value)
    {
        var bytes = new byte[Size];
        value.TryWriteBytes(bytes.AsSpan(Size - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    /// <summary>The uncompressed encoding 04 || X || Y.</summary>
    public byte[] Encode(EcPoint point) => [0x04, .. ToBytes(point.X), .. ToBytes(point.Y)];

    /// <summary>Decodes an uncompressed point and checks it is on the curve; null otherwise.</summary>
    public EcPoint? Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != 1 + 2 * Size || encoded[0] != 0x04)
        {
            return null;
        }

        var point = new EcPoint(ToInt(encoded.Slice(1, Size)), ToInt(encoded.Slice(1 + Size, Size)));
        return IsOnCurve(point) ? point : null;
    }

    public bool IsOnCurve(EcPoint q) =>
        !q.IsInfinity && q.X < P && q.Y < P && Mod(q.Y * q.Y - (q.X * q.X * q.X + A * q.X + B)) == 0;

    public BigInteger RandomScalar()
    {
        var bytes = new byte[Size + 8];
        RandomNumberGenerator.Fill(bytes);
        return ToInt(bytes) % (N - 1) + 1;
    }

    public EcPoint Add(EcPoint p, EcPoint q)
    {
        if (p.IsInfinity)
        {
            return q;
        }

        if (q.IsInfinity)
        {
            return p;
        }

        BigInteger lambda;
        if (p.X == q.X)
        {
            if (Mod(p.Y + q.Y) == 0)
            {
                return EcPoint.Infinity;
            }

            lambda = Mod((3 * p.X * p.X + A) * Inverse(2 * p.Y));
        }
        else
        {
            lambda = Mod((q.Y - p.Y) * Inverse(q.X - p.X));
        }

        var x = Mod(lambda * lambda - p.X - q.X);
        return new EcPoint(x, Mod(lambda * (p.X - x) - p.Y));
    }

    /// <summary>k·point, by double-and-add in Jacobian coordinates (one field inversion at the end).</summary>
    public EcPoint Multiply(BigInteger k, EcPoint point)
    {
        k %= N;
        if (k.Sign == 0 || point.IsInfinity)
        {
            return EcPoint.Infinity;
        }

        var result = (X: BigInteger.One, Y: BigInteger.One, Z: BigInteger.Zero);
        var addend = (X: point.X, Y: point.Y, Z: BigInteger.One);
        for (var bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Double(result);
            if (!(k >> bit).IsEven)
            {
                result = AddJacobian(result, addend);
            }
        }

        if (result.Z.IsZero)
        {
            return EcPoint.Infinity;
        }

        var zInverse = Inverse(result.Z);
        var z2 = Mod(zInverse * zInverse);
        return new EcPoint(Mod(result.X * z2), Mod(result.Y * z2 * zInverse));
    }

    private (BigInteger X, BigInteger Y, BigInteger Z) Double((BigInteger X, BigInteger Y, BigInteger Z) p)
    {
        if (p.Z.IsZero || p.Y.IsZero)
        {
            return (BigInteger.One, BigInteger.One, BigInteger.Zero);
        }

        var y2 = Mod(p.Y * p.Y);
        var s = Mod(4 * p.X * y2);
        var z2 = Mod(p.Z * p.Z);
        var m = Mod(3 * p.X * p.X + A * Mod(z2 * z2));
        var x = Mod(m * m - 2 * s);
        return (x, Mod(m * (s - x) - 8 * y2 * y2), Mod(2 * p.Y * p.Z));
    }

    private (BigInteger X, BigInteger Y, BigInteger Z) AddJacobian((BigInteger X, BigInteger Y, BigInteger Z) p, (BigInteger X, BigInteger Y, BigInteger Z) q)
    {
        if (p.Z.IsZero)
        {
            return q;
        }

        if (q.Z.IsZero)
        {
            return p;
        }

        var pz2 = Mod(p.Z * p.Z);
        var qz2 = Mod(q.Z * q.Z);
        var u1 = Mod(p.X * qz2);
        var u2 = Mod(q.X * pz2);
        var s1 = Mod(p.Y * qz2 * q.Z);
        var s2 = Mod(q.Y * pz2 * p.Z);
        if (u1 == u2)
        {
            return s1 == s2 ? Double(p) : (BigInteger.One, BigInteger.One, BigInteger.Zero);
        }

        var h = Mod(u2 - u1);
        var r = Mod(s2 - s1);
        var h2 = Mod(h * h);
        var h3 = Mod(h2 * h);
        var u1h2 = Mod(u1 * h2);
        var x = Mod(r * r - h3 - 2 * u1h2);
        return (x, Mod(r * (u1h2 - x) - s1 * h3), Mod(h * p.Z * q.Z));
    }

    private BigInteger Mod(BigInteger value)
    {
        var r = value % P;
        return r.Sign < 0 ? r + P : r;
    }

    private BigInteger Inverse(BigInteger value) => BigInteger.ModPow(Mod(value), P - 2, P);
}
