namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>POST /job/{db}/{collection}/pause|resume: the seed's ok, and how many jobs changed.</summary>
internal sealed record CollectionChangeResponse(string Status, int Changed);
