namespace Gateway.Drivers.Serial.Tests;

/// <summary>ICAO Doc 9303 specimen MRZs (Utopia, the specimen state): no real person.</summary>
internal static class Specimens
{
    /// <summary>Doc 9303 Part 4 Appendix A: the TD3 passport of ANNA MARIA ERIKSSON.</summary>
    public static readonly string[] Td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

    /// <summary>Doc 9303 Part 5 Appendix A: the TD1 card of ANNA MARIA ERIKSSON.</summary>
    public static readonly string[] Td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];

    /// <summary>Doc 9303 Part 6 Appendix A: the TD2 card.</summary>
    public static readonly string[] Td2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
}
