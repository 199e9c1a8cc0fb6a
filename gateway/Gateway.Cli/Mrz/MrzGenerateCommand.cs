using System.CommandLine;
using Gateway.Mrz;

namespace Gateway.Cli.Mrz;

/// <summary><c>gatewayctl mrz generate</c>: a valid MRZ from fields, every check digit computed (to test a reader).</summary>
internal static class MrzGenerateCommand
{
    public static Command Create(Console console)
    {
        var format = new Option<MrzFormat>("--format") { Description = "Td1, Td2, Td3, MrvA, MrvB or FrenchIdentityCard.", DefaultValueFactory = _ => MrzFormat.Td3 };
        var code = new Option<string>("--document-code") { Description = "Document code (default P for Td3, I for cards, V for visas)." };
        var state = new Option<string>("--issuing-state") { Description = "Issuing state (ICAO code).", DefaultValueFactory = _ => "UTO" };
        var surname = new Option<string>("--surname") { Description = "Surname.", Required = true };
        var given = new Option<string>("--given-names") { Description = "Given names.", DefaultValueFactory = _ => string.Empty };
        var number = new Option<string>("--number") { Description = "Document number.", Required = true };
        var nationality = new Option<string>("--nationality") { Description = "Nationality (default: the issuing state)." };
        var birth = new Option<DateOnly?>("--birth") { Description = "Date of birth, YYYY-MM-DD." };
        var sex = new Option<MrzSex>("--sex") { Description = "Male, Female or Unspecified." };
        var expiry = new Option<DateOnly?>("--expiry") { Description = "Date of expiry, YYYY-MM-DD." };
        var optional = new Option<string>("--optional") { Description = "Optional data / personal number.", DefaultValueFactory = _ => string.Empty };
        var command = new Command("generate", "Print a valid MRZ for the given fields.")
        {
            format, code, state, surname, given, number, nationality, birth, sex, expiry, optional,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(format);
            var data = new MrzData
            {
                Format = chosen,
                DocumentCode = parse.GetValue(code) ?? chosen switch
                {
                    MrzFormat.Td3 => "P",
                    MrzFormat.MrvA or MrzFormat.MrvB => "V",
                    MrzFormat.FrenchIdentityCard => "ID",
                    _ => "I",
                },
                IssuingState = parse.GetValue(state)!,
                Surname = parse.GetValue(surname)!,
                GivenNames = parse.GetValue(given)!,
                DocumentNumber = parse.GetValue(number)!,
                Nationality = parse.GetValue(nationality) ?? parse.GetValue(state)!,
                DateOfBirth = parse.GetValue(birth),
                Sex = parse.GetValue(sex),
                DateOfExpiry = parse.GetValue(expiry),
                OptionalData1 = parse.GetValue(optional)!,
                PersonalNumber = chosen == MrzFormat.Td3 ? parse.GetValue(optional)! : string.Empty,
            };
            try
            {
                await console.Out.WriteLineAsync(MrzGenerator.Generate(data));
                return 0;
            }
            catch (ArgumentException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
