using Gateway.Contracts.Mapping;
using V1MrzOcrResult = Gateway.Contracts.V1.MrzOcrResult;
using Gateway.Contracts.V1;

namespace Gateway.Cli.Mrz;

/// <summary>
/// Maps an MRZ OCR result to <c>gateway.v1.MrzOcrResult</c>. It lives here, beside the barcode decode mapping, rather
/// than in Gateway.Contracts: the contracts project would otherwise pull OpenCV's native runtime into every project.
/// </summary>
internal static class MrzOcrMapping
{
    public static V1MrzOcrResult ToContract(this MrzOcr.MrzOcrResult result, string source)
    {
        var message = new V1MrzOcrResult
        {
            Source = source,
            Found = result.Found,
            Confidence = result.Confidence,
            ElapsedMs = result.Elapsed.TotalMilliseconds,
            ErrorCode = result.ErrorCode ?? string.Empty,
            Error = result.Error ?? string.Empty,
        };
        if (result.Mrz is { } mrz)
        {
            message.Mrz = mrz.ToContract();
        }

        message.Quad.AddRange(result.Quad.Select(p => new ImagePoint { X = p.X, Y = p.Y }));
        message.Lines.AddRange(result.Lines.Select(l =>
        {
            var line = new MrzOcrLine { Text = l.Text };
            line.Characters.AddRange(l.Characters.Select(c =>
            {
                var character = new MrzOcrCharacter { Character = c.Character.ToString(), Confidence = c.Confidence };
                character.Alternatives.AddRange(c.Alternatives.Select(a => new MrzOcrAlternative { Character = a.Character.ToString(), Confidence = a.Confidence }));
                return character;
            }));
            return line;
        }));
        return message;
    }
}
