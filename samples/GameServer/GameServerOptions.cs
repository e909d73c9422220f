namespace TimerGrid.GameServer;

/// <summary>The sample's settings (<c>--GameServer:Matches=5</c>); the TimerGrid node's own settings say where it is.</summary>
public sealed class GameServerOptions
{
    public const string Section = "GameServer";

    /// <summary>How many matches to start.</summary>
    public int Matches { get; set; } = 3;

    /// <summary>The TimerGrid db of the game.</summary>
    public string Db { get; set; } = "mygame";

    /// <summary>The TimerGrid node's silo port (its <c>TimerGrid:SiloPort</c>).</summary>
    public int TimerGridSiloPort { get; set; } = 11111;

    /// <summary>This server's own silo and gateway ports.</summary>
    public int SiloPort { get; set; } = 11112;

    public int GatewayPort { get; set; } = 30001;

    /// <summary>The TimerGrid node's <c>TimerGrid:ServiceId</c> and <c>ClusterId</c>.</summary>
    public string ServiceId { get; set; } = "timergrid";

    public string ClusterId { get; set; } = "timergrid";
}
