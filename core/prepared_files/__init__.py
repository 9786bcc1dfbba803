"""A file prepared by a task for one person: CPD exports and training report files.

The flow, the same for every use:

    POST (the app's form)  prepared_file_request   a row, waiting; the task is enqueued
                                                   once the transaction commits
    core.tasks.prepared_file_render                writes the file once, marks it done
                                                   (or failed), whatever retries happen
    GET status page        prepared_file_status    waiting / ready / failed; the page asks
                                                   again by script (wait-for-file.mjs)
    GET download           prepared_file_download  the owner's private attachment
    after `lifetime`       410 Gone, then deleted by prepared_files_delete_expired

A use declares a model (a subclass of `PreparedFile`) and a `PreparedFileKind` (how to
write the file, who else may lose access, what its pages say) and registers the kind
when its app is ready.
"""
