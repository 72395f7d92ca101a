"""Team sharing: every laptop of a team sees the team's children, through a team folder the
council's own file sync carries between laptops. See docs/team-sharing.md."""
