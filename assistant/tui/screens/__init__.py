"""Full screens: compose (the main one) and the corpus error screen."""
