using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Grains.Keys;

/// <summary>A key as stored: what clients may see, and the hash of its material, which they never do.</summary>
internal sealed record StoredApiKey(ApiKeyView View, string Hash);
