"""Operations screens: backup and restore, the retention review and purges, data-subject export."""
