using System.Numerics;
using System.Security.Cryptography;
using Gateway.Emrtd;
using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.VirtualChip;

/// <summary>PACE with ECDH generic mapping, card side (Doc 9303 Part 11 §4.4): nonce, mapping, key agreement, tokens.</summary>
internal sealed class PaceCard(PassportContent content)
{
    private readonly PaceAlgorithm _algorithm = PaceAlgorithm.FromOid(PaceAlgorithm.EcdhGenericMapping(content.Spec.PaceCipher))!;
    private readonly EcCurve _curve = EcCurve.FromNamed(PaceAlgorithm.StandardCurve(content.Spec.PaceParameterId)!.Value);
    private AccessKey? _password;
    private int _step;
    private byte[] _nonce = [];
    private EcPoint _generator;
    private BigInteger _ephemeralKey;
    private EcPoint _ephemeralPublic;
    private EcPoint _terminalEphemeral;
    private SmCipher? _cipher;

    public void Reset()
    {
        _password = null;
        _step = 0;
    }

    public ushort SetAuthenticationTemplate(byte[] data)
    {
        Reset();
        if (!Tlv.TryFind(data, 0x80, out var oid) || !oid.SequenceEqual(_algorithm.OidContent()) || !Tlv.TryFind(data, 0x83, out var reference) || reference.Length != 1)
        {
            return StatusWords.WrongData;
        }

        _password = reference[0] switch
        {
            1 => content.Key,
            2 when content.Spec.Can is { } can => new CanAccessKey(can),
            _ => null,
        };
        if (_password is null)
        {
            return StatusWords.WrongData;
        }

        _step = 1;
        return StatusWords.Success;
    }

    public (byte[] Response, ushort Sw, SecureMessaging? Sm) GeneralAuthenticate(byte[] data)
    {
        if (_password is null || !Tlv.TryFind(data, 0x7C, out var dynamic))
        {
            return ([], StatusWords.ConditionsNotSatisfied, null);
        }

        var step = _step;
        _step = 0;
        switch (step)
        {
            case 1:
                {
                    _nonce = RandomNumberGenerator.GetBytes(16);
                    var kPi = _password.PacePasswordKey(_algorithm.Cipher);
                    var z = _algorithm.Cipher == CipherKind.TripleDes
                        ? BlockCiphers.TripleDesCbc(kPi, _nonce, encrypt: true)
                        : BlockCiphers.AesCbc(kPi, new byte[16], _nonce, encrypt: true);
                    _step = 2;
                    return (Tlv.Encode(0x7C, Tlv.Encode(0x80, z)), StatusWords.Success, null);
                }

            case 2 when Tlv.TryFind(dynamic, 0x81, out var encoded) && _curve.Decode(encoded) is { } terminalMap:
                {
                    var mapKey = _curve.RandomScalar();
                    var h = _curve.Multiply(mapKey, terminalMap);
                    _generator = _curve.Add(_curve.Multiply(EcCurve.ToInt(_nonce), _curve.G), h);
                    _step = 3;
                    return (Tlv.Encode(0x7C, Tlv.Encode(0x82, _curve.Encode(_curve.Multiply(mapKey, _curve.G)))), StatusWords.Success, null);
                }

            case 3 when Tlv.TryFind(dynamic, 0x83, out var encoded) && _curve.Decode(encoded) is { } terminalEphemeral:
                {
                    _terminalEphemeral = terminalEphemeral;
                    _ephemeralKey = _curve.RandomScalar();
                    _ephemeralPublic = _curve.Multiply(_ephemeralKey, _generator);
                    var shared = _curve.Multiply(_ephemeralKey, terminalEphemeral);
                    _cipher = SmCipher.FromSecret(_algorithm.Cipher, _curve.ToBytes(shared.X));
                    _step = 4;
                    return (Tlv.Encode(0x7C, Tlv.Encode(0x84, _curve.Encode(_ephemeralPublic))), StatusWords.Success, null);
                }

            case 4 when Tlv.TryFind(dynamic, 0x85, out var token) && _cipher is not null:
                {
                    var expected = _cipher.TokenMac(Pace.TokenInput(_algorithm, _curve.Encode(_ephemeralPublic)));
                    if (!CryptographicOperations.FixedTimeEquals(expected, token))
                    {
                        return ([], StatusWords.AuthenticationFailed, null);
                    }

                    var chipToken = _cipher.TokenMac(Pace.TokenInput(_algorithm, _curve.Encode(_terminalEphemeral)));
                    return (Tlv.Encode(0x7C, Tlv.Encode(0x86, chipToken)), StatusWords.Success, new SecureMessaging(_cipher, new byte[_cipher.BlockSize]));
                }

            default:
                return ([], StatusWords.ConditionsNotSatisfied, null);
        }
    }
}
