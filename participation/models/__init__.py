"""Models of citizen participation: one module per kind of submission."""

from .feedback import PageFeedback
from .questions import Question, QuestionIndexPage, QuestionPage, QuestionSettings

__all__ = ["PageFeedback", "Question", "QuestionIndexPage", "QuestionPage", "QuestionSettings"]
