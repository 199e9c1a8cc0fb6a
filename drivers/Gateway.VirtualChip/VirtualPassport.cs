using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Lds;

namespace Gateway.VirtualChip;

/// <summary>
/// The card side of an ePassport: answers APDUs like an ICAO chip (SELECT, READ BINARY, GET CHALLENGE / EXTERNAL
/// AUTHENTICATE for BAC, MSE:Set AT / GENERAL AUTHENTICATE for PACE, INTERNAL AUTHENTICATE, MSE:Set AT / GENERAL
/// AUTHENTICATE or MSE:Set KAT for chip authentication), with secure messaging once access control succeeds, restarted
/// under new keys by chip authentication. LDS files are readable only under secure messaging; EF.CardAccess always. Not thread-safe:
/// one reader talks to one card.
/// </summary>
public sealed class VirtualPassport
{
    private readonly PassportContent _content;
    private readonly BacCard _bac;
    private readonly PaceCard _pace;
    private readonly ChipAuthenticationCard _ca;
    private SecureMessaging? _sm;
    private SecureMessaging? _pendingSm;
    private bool _applicationSelected;
    private ushort? _selected;

    public VirtualPassport(PassportContent content)
    {
        _content = content;
        _bac = new BacCard(content.Key);
        _pace = new PaceCard(content);
        _ca = new ChipAuthenticationCard(content);
    }

    /// <summary>The answer to reset: T=1, and a card capabilities object saying whether extended lengths are accepted.</summary>
    public byte[] Atr
    {
        get
        {
            byte[] body = [0x85, 0x80, 0x01, 0x80, 0x73, 0x00, 0x00, _content.Spec.ExtendedLength ? (byte)0x40 : (byte)0x00];
            var tck = body.Aggregate((byte)0, (a, b) => (byte)(a ^ b));
            return [0x3B, .. body, tck];
        }
    }

    /// <summary>APDUs processed since power-on (tests use it to remove the card mid-read).</summary>
    public int CommandCount { get; private set; }

    /// <summary>Power cycle: every session state is lost, as on a real card.</summary>
    public void Reset()
    {
        _sm = null;
        _pendingSm = null;
        _applicationSelected = false;
        _selected = null;
        _bac.Reset();
        _pace.Reset();
        _ca.Reset();
        CommandCount = 0;
    }

    public byte[] Process(ReadOnlySpan<byte> apdu)
    {
        CommandCount++;
        var command = CommandApdu.Parse(apdu);
        if (command is null)
        {
            return Status(StatusWords.WrongLength);
        }

        var secured = (command.Cla & 0x0C) == 0x0C;
        if (secured)
        {
            var plain = _sm?.UnprotectCommand(command);
            if (plain is null)
            {
                _sm = null;
                return Status(StatusWords.SmObjectsIncorrect);
            }

            var (data, sw) = Handle(plain);
            var response = _sm is null ? [.. data, (byte)(sw >> 8), (byte)sw] : _sm.ProtectResponse(data, sw);

            // Chip authentication answers under the old keys, then restarts secure messaging under the new ones.
            (_sm, _pendingSm) = (_pendingSm ?? _sm, null);
            return response;
        }

        // A plain command ends any secure session (ISO 7816-4); the last step of BAC or PACE starts a new one after its
        // answer, which goes in the clear.
        _sm = null;
        var (plainData, plainSw) = Handle(command);
        (_sm, _pendingSm) = (_pendingSm, null);
        return [.. plainData, (byte)(plainSw >> 8), (byte)plainSw];
    }

    private (byte[] Data, ushort Sw) Handle(CommandApdu command)
    {
        switch (command.Ins)
        {
            case 0xA4:
                return Select(command);
            case 0xB0:
                return ReadBinary(command);
            case 0x84 when _content.Spec.Bac:
                return (_bac.GetChallenge(), StatusWords.Success);
            case 0x82 when _content.Spec.Bac:
                {
                    var (response, sm) = _bac.ExternalAuthenticate(command.Data);
                    return response is null ? ([], StatusWords.AuthenticationFailed) : Then(response, sm);
                }

            case 0x22 when _sm is not null && _content.ChipAuthenticationKey is not null && command.P1 == 0x41 && command.P2 == 0xA4:
                return ([], _ca.SetAuthenticationTemplate(command.Data));
            case 0x22 when _sm is not null && _content.ChipAuthenticationKey is not null && command.P1 == 0x41 && command.P2 == 0xA6:
                {
                    var (sw, sm) = _ca.SetKeyAgreementTemplate(command.Data);
                    return sm is null ? ([], sw) : Then([], sm);
                }

            case 0x86 when _sm is not null && _ca.Armed:
                {
                    var (response, sw, sm) = _ca.GeneralAuthenticate(command.Data);
                    return sm is null ? (response, sw) : Then(response, sm);
                }

            case 0x22 when _content.Spec.Pace && command.P1 == 0xC1 && command.P2 == 0xA4:
                return ([], _pace.SetAuthenticationTemplate(command.Data));
            case 0x86 when _content.Spec.Pace:
                {
                    var (response, sw, sm) = _pace.GeneralAuthenticate(command.Data);
                    return sm is null ? (response, sw) : Then(response, sm);
                }

            case 0x88 when _sm is not null && _content.ActiveAuthenticationKey is not null && command.Data.Length == 8:
                return (_content.SignChallenge(command.Data), StatusWords.Success);
            default:
                return ([], StatusWords.InstructionNotSupported);
        }
    }

    /// <summary>Answers in the clear, then starts the secure session (the last step of BAC and PACE).</summary>
    private (byte[] Data, ushort Sw) Then(byte[] response, SecureMessaging? sm)
    {
        _pendingSm = sm;
        return (response, StatusWords.Success);
    }

    private (byte[] Data, ushort Sw) Select(CommandApdu command)
    {
        if (command.P1 == 0x04)
        {
            _applicationSelected = command.Data.AsSpan().SequenceEqual(LdsFile.ApplicationId);
            _selected = null;
            return ([], _applicationSelected ? StatusWords.Success : StatusWords.FileNotFound);
        }

        if (command.P1 != 0x02 || command.Data.Length != 2)
        {
            return ([], StatusWords.WrongParameters);
        }

        var fid = (ushort)(command.Data[0] << 8 | command.Data[1]);
        var visible = fid == LdsFile.CardAccess || _applicationSelected;
        if (!visible || !_content.Files.ContainsKey(fid))
        {
            return ([], StatusWords.FileNotFound);
        }

        _selected = fid;
        return ([], StatusWords.Success);
    }

    private (byte[] Data, ushort Sw) ReadBinary(CommandApdu command)
    {
        if (_selected is not { } fid || (command.P1 & 0x80) != 0)
        {
            return ([], StatusWords.ConditionsNotSatisfied);
        }

        if (fid != LdsFile.CardAccess && _sm is null)
        {
            return ([], StatusWords.SecurityNotSatisfied);
        }

        var file = _content.Files[fid];
        var offset = command.P1 << 8 | command.P2;
        if (offset > file.Length)
        {
            return ([], StatusWords.WrongParameters);
        }

        var length = Math.Min(command.Ne, file.Length - offset);
        return (file.AsSpan(offset, length).ToArray(), length < command.Ne ? (ushort)0x6282 : StatusWords.Success);
    }

    private static byte[] Status(ushort sw) => [(byte)(sw >> 8), (byte)sw];
}
